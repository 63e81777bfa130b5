"""What the course and lesson pages show a visitor about their own learning."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.translation import get_language
from wagtail.models import Page

from core.caching import NO_CACHE, RenderCache
from courses.access import quiz_url
from courses.models import CharterPage
from courses.selectors.pages import page_in_language
from courses.selectors.progress import (
    CourseProgress,
    course_rule,
    enrolment_done_keys,
    final_quiz_in_language,
    page_enrolment_progress,
    snippet_in_language,
)
from quizzes.models import Quiz
from scenarios.models import Scenario


@dataclass(frozen=True)
class CourseLearning:
    """What the course page shows the visitor about their own learning."""

    enrolment: object | None
    progress: CourseProgress | None = None
    done_ids: frozenset = frozenset()
    resume_lesson: Page | None = None
    final_quiz_url: str | None = None
    charter_url: str | None = None
    scenario_url: str | None = None

    @property
    def is_enrolled(self) -> bool:
        return self.enrolment is not None


def course_learning(
    *, course: Page, user, lessons: list, cache: RenderCache = NO_CACHE
) -> CourseLearning:
    """The visitor's enrolment, progress and next step on a course page.

    Zero queries for anonymous visitors, one for visitors not enrolled, and
    two for learners in progress (enrolment, lessons done), plus one when
    the cycle is complete, one for the final quiz's attempts, one for a
    required charter (and up to two for its link until acknowledged, none
    from the cache), one for a required scenario's link until passed (none
    from the cache), whatever the number of lessons. ``lessons`` are pages
    or ``OutlineLesson`` links.
    """

    def rule():
        return cache.get(
            "course-rule",
            course.translation_key,
            compute=lambda: course_rule(translation_key=course.translation_key),
        )

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
        quiz_link = final_quiz_url(course=enrolment.course, cache=cache)
    charter_link = None
    if progress.charter_required and not progress.charter_acknowledged:
        charter_link = charter_url(course=enrolment.course, cache=cache)
    scenario_link = None
    if progress.has_scenario and not progress.scenario_passed:
        scenario_link = scenario_url(course=enrolment.course, cache=cache)
    return CourseLearning(
        enrolment=enrolment,
        progress=progress,
        done_ids=done_ids,
        resume_lesson=resume,
        final_quiz_url=quiz_link,
        charter_url=charter_link,
        scenario_url=scenario_link,
    )


def charter_url(*, course, cache: RenderCache = NO_CACHE) -> str | None:
    """The URL of the charter ``course`` requires, in the active language.

    Two queries, or none from ``cache``; None if the charter is not live.
    """

    def build():
        charter = CharterPage.objects.live().filter(pk=course.required_charter_id)
        charter = charter.first()
        if charter is None:
            return None
        return page_in_language(page=charter, language_code=get_language()).url

    return cache.get("required-charter", course.pk, compute=build)


def scenario_url(*, course, cache: RenderCache = NO_CACHE) -> str | None:
    """The play page of the scenario ``course`` requires, in the active language.

    One query, or none from ``cache``.
    """

    def build():
        scenario = snippet_in_language(
            model=Scenario, pk=course.required_scenario_id, language_code=get_language()
        )
        return reverse("scenarios:detail", args=[scenario.pk]) if scenario else None

    return cache.get("required-scenario", course.pk, compute=build)


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


def final_quiz_url(*, course, cache: RenderCache = NO_CACHE) -> str | None:
    """The URL of ``course``'s final quiz in the active language, or None.

    One or two queries, or none from ``cache``.
    """

    def build():
        quiz = final_quiz_in_language(course=course, language_code=get_language())
        return quiz_url(quiz) if quiz else None

    return cache.get("final-quiz", course.pk, compute=build)


def lesson_knowledge_check_url(
    *, lesson: Page, cache: RenderCache = NO_CACHE
) -> str | None:
    """The URL of the lesson's knowledge check in the active language, or None.

    Two queries, or none from ``cache``.
    """
    if not lesson.knowledge_check_id:
        return None
    return cache.get(
        "knowledge-check",
        lesson.pk,
        compute=lambda: quiz_url(knowledge_check_in_language(lesson=lesson)),
    )


def lesson_learning(
    *,
    lesson: Page,
    user,
    navigation,
    is_preview: bool = False,
    cache: RenderCache = NO_CACHE,
):
    """Whether the visitor may read the lesson, and which lessons they have done.

    One query for a signed-in visitor (enrolment and lessons done together),
    none for anonymous visitors; the knowledge check's URL comes from
    ``cache`` (two queries without).
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
        knowledge_check_url=lesson_knowledge_check_url(lesson=lesson, cache=cache),
    )


def knowledge_check_in_language(*, lesson):
    """The lesson's knowledge-check quiz in the active language, else as set."""
    quiz = lesson.knowledge_check
    if quiz is None:
        return None
    translation = Quiz.objects.filter(
        translation_key=quiz.translation_key, locale__language_code=get_language()
    ).first()
    return translation or quiz
