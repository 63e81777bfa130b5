"""What the course and lesson pages show a visitor about their own learning."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import get_language
from wagtail.models import Page

from core.caching import cache_key, cached, content_version, is_preview
from courses.access import quiz_url
from courses.selectors.progress import (
    CourseProgress,
    course_rule,
    enrolment_done_keys,
    final_quiz_in_language,
    page_enrolment_progress,
)


@dataclass(frozen=True)
class CourseLearning:
    """What the course page shows the visitor about their own learning."""

    enrolment: object | None
    progress: CourseProgress | None = None
    done_ids: frozenset = frozenset()
    resume_lesson: Page | None = None
    final_quiz_url: str | None = None

    @property
    def is_enrolled(self) -> bool:
        return self.enrolment is not None


def course_learning(
    *, course: Page, user, lessons: list, request=None
) -> CourseLearning:
    """The visitor's enrolment, progress and next step on a course page.

    Zero queries for anonymous visitors, one for visitors not enrolled, and
    two for learners in progress (enrolment, lessons done), plus one when
    the cycle is complete and one for the final quiz's attempts, whatever
    the number of lessons. ``lessons`` are pages or ``OutlineLesson`` links.
    """

    def rule():
        if request is None or is_preview(request):
            return course_rule(translation_key=course.translation_key)
        key = cache_key("course-rule", content_version(request), course.translation_key)
        return cached(key, lambda: course_rule(translation_key=course.translation_key))

    enrolment, progress = page_enrolment_progress(
        learner=user, course=course, rule=rule
    )
    if enrolment is None:
        return CourseLearning(enrolment=None)
    done_ids = frozenset(
        lesson.pk for lesson in lessons if lesson.translation_key in progress.done_keys
    )
    resume = next((lesson for lesson in lessons if lesson.pk not in done_ids), None)
    quiz_link = None
    if progress.has_final_quiz and not progress.is_complete:
        quiz_link = final_quiz_url(course=enrolment.course, request=request)
    return CourseLearning(
        enrolment=enrolment,
        progress=progress,
        done_ids=done_ids,
        resume_lesson=resume,
        final_quiz_url=quiz_link,
    )


@dataclass(frozen=True)
class LessonLearning:
    """What the lesson page may show: the body, done marks, the complete button.

    ``enrolment`` is the enrolment's id (None when not enrolled).
    """

    enrolment: int | None
    can_read: bool
    is_done: bool = False
    done_ids: frozenset = field(default_factory=frozenset)
    knowledge_check_url: str | None = None

    @property
    def is_enrolled(self) -> bool:
        return self.enrolment is not None


def final_quiz_url(*, course, request=None) -> str | None:
    """The URL of ``course``'s final quiz in the active language, or None.

    With ``request``, cached per content version (no query when warm).
    """

    def build():
        quiz = final_quiz_in_language(course=course, language_code=get_language())
        return quiz_url(quiz) if quiz else None

    if request is None or is_preview(request):
        return build()
    key = cache_key("final-quiz", content_version(request), course.pk, get_language())
    return cached(key, build)


def lesson_knowledge_check_url(*, lesson: Page, request=None) -> str | None:
    """The URL of the lesson's knowledge check in the active language, or None.

    Two queries, or none when cached per content version (with ``request``).
    """
    if not lesson.knowledge_check_id:
        return None

    def build():
        return quiz_url(knowledge_check_in_language(lesson=lesson))

    if request is None or is_preview(request):
        return build()
    key = cache_key(
        "knowledge-check", content_version(request), lesson.pk, get_language()
    )
    return cached(key, build)


def lesson_learning(
    *, lesson: Page, user, navigation, is_preview: bool = False, request=None
):
    """Whether the visitor may read the lesson, and which lessons they have done.

    One query for a signed-in visitor (enrolment and lessons done together),
    none for anonymous visitors; the knowledge check's URL comes from the
    render cache with ``request`` (two queries without).
    """
    enrolment_id, done_keys = enrolment_done_keys(
        learner=user, course=navigation.course
    )
    if enrolment_id is None:
        return LessonLearning(enrolment=None, can_read=is_preview)
    done_ids = frozenset(
        item.pk for item in navigation.lessons if item.translation_key in done_keys
    )
    return LessonLearning(
        enrolment=enrolment_id,
        can_read=True,
        is_done=lesson.translation_key in done_keys,
        done_ids=done_ids,
        knowledge_check_url=lesson_knowledge_check_url(lesson=lesson, request=request),
    )


def knowledge_check_in_language(*, lesson):
    """The lesson's knowledge-check quiz in the active language, else as set."""
    from quizzes.models import Quiz

    quiz = lesson.knowledge_check
    if quiz is None:
        return None
    translation = Quiz.objects.filter(
        translation_key=quiz.translation_key, locale__language_code=get_language()
    ).first()
    return translation or quiz
