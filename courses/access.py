"""Who may take which quiz, and where a quiz sends the learner back to.

The quizzes app knows nothing of courses. It reads these callables from
settings: ``RELAIS_QUIZ_ACCESS_POLICY = "courses.access.can_take_quiz"`` and
``RELAIS_QUIZ_RETURN_LINK = "courses.access.quiz_return_link"``.

A quiz belongs to a course when it is the course's final quiz or one of its
lessons' knowledge check, in any translation of the quiz, course or lesson.
"""

from __future__ import annotations

from django.db import connection
from django.urls import NoReverseMatch, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page

from core.caching import cache_key, cached, content_version
from courses.models import CoursePage, Enrolment, LessonPage


def quiz_url(quiz) -> str | None:
    """The learner-facing URL of a quiz, or None if the quizzes app has none."""
    if quiz is None:
        return None
    try:
        return reverse("quizzes:detail", args=[quiz.pk])
    except NoReverseMatch:
        return None


def _course_keys_using_quiz(quiz) -> set:
    """Translation keys of the courses whose final quiz or lesson check is ``quiz``."""
    keys = set(
        CoursePage.objects.filter(
            final_quiz__translation_key=quiz.translation_key
        ).values_list("translation_key", flat=True)
    )
    lesson_paths = LessonPage.objects.filter(
        knowledge_check__translation_key=quiz.translation_key
    ).values_list("path", flat=True)
    parent_paths = {path[: -Page.steplen] for path in lesson_paths}
    if parent_paths:
        keys |= set(
            CoursePage.objects.filter(path__in=parent_paths).values_list(
                "translation_key", flat=True
            )
        )
    return keys


def _course_ids_using_quiz(quiz, request=None) -> list:
    """Ids of every course page (all translations) that uses ``quiz``.

    Cached per content version (``core.caching``): quizzes and pages bump it.
    """

    def load():
        keys = _course_keys_using_quiz(quiz)
        return list(
            CoursePage.objects.filter(translation_key__in=keys).values_list(
                "pk", flat=True
            )
        )

    key = cache_key("quiz-courses", content_version(request), quiz.translation_key)
    return cached(key, load)


def can_take_quiz(user, quiz, request=None) -> bool:
    """Only learners enrolled in a course that uses the quiz may take it.

    One query when the courses using the quiz are cached, which they are per
    content version.
    """
    if user is None or not user.is_authenticated:
        return False
    course_ids = _course_ids_using_quiz(quiz, request)
    if not course_ids:
        return False
    # Every save and page of an attempt asks this: a plain EXISTS, without
    # building the ORM query each time (as Enrolment.objects…exists() would).
    quote, meta = connection.ops.quote_name, Enrolment._meta
    learner, course = (
        quote(meta.get_field(name).column) for name in ("learner", "course")
    )
    marks = ", ".join(["%s"] * len(course_ids))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT 1 FROM {quote(meta.db_table)} WHERE {learner} = %s "
            f"AND {course} IN ({marks}) LIMIT 1",
            [user.pk, *course_ids],
        )
        return cursor.fetchone() is not None


def _in_active_language(pages: list):
    language = get_supported_content_language_variant(get_language())
    for page in pages:
        if page.locale.language_code == language:
            return page
    return pages[0] if pages else None


def quiz_return_link(quiz, request) -> tuple[str, str] | None:
    """Where the quiz page links back to: the lesson or course the learner is in.

    A knowledge check goes back to its lesson, a final quiz to its course, in
    the visitor's language when the page is translated.
    """
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    enrolled_keys = set(
        CoursePage.objects.filter(enrolments__learner=user).values_list(
            "translation_key", flat=True
        )
    )
    if not enrolled_keys:
        return None
    lessons = list(
        LessonPage.objects.live()
        .filter(knowledge_check__translation_key=quiz.translation_key)
        .select_related("locale")
    )
    if lessons:
        course_keys = dict(
            CoursePage.objects.filter(
                path__in={lesson.path[: -Page.steplen] for lesson in lessons}
            ).values_list("path", "translation_key")
        )
        lessons = [
            lesson
            for lesson in lessons
            if course_keys.get(lesson.path[: -Page.steplen]) in enrolled_keys
        ]
    if lesson := _in_active_language(lessons):
        label = _("Back to the lesson “%(title)s”") % {"title": lesson.title}
        return lesson.get_url(request), label
    courses = list(
        CoursePage.objects.live()
        .filter(
            final_quiz__translation_key=quiz.translation_key,
            translation_key__in=enrolled_keys,
        )
        .select_related("locale")
    )
    if course := _in_active_language(courses):
        label = _("Back to the course “%(title)s”") % {"title": course.title}
        return course.get_url(request), label
    return None
