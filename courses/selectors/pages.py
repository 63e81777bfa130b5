"""Pages: the catalogue, a course's lessons, navigation, translations."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from django.db.models import QuerySet
from wagtail.models import Page, Site

from core.caching import NO_CACHE, RenderCache
from courses.models import CoursePage, LessonPage


def catalogue_courses(*, index_page: Page) -> QuerySet:
    """Live, public courses below a catalogue page, in tree order, with covers."""
    return (
        CoursePage.objects.child_of(index_page)
        .live()
        .public()
        .select_related("cover_image")
        .order_by("path")
    )


def course_lessons(*, course: Page) -> list:
    """The course's live lessons in tree order, as LessonPage objects.

    Loads only the columns the outline needs (no body), in one query.
    """
    return list(
        LessonPage.objects.child_of(course)
        .live()
        .order_by("path")
        .only(
            "id",
            "title",
            "slug",
            "url_path",
            "path",
            "depth",
            "locale_id",
            "translation_key",
            "summary",
            "estimated_minutes",
            "is_required",
        )
    )


@dataclass(frozen=True)
class PageLink:
    """A page as a link shows it, with its URL on the request's site.

    Plain data, so outlines and pagers can be cached and shared by every
    learner (``core.caching``).
    """

    pk: int
    title: str
    url: str
    translation_key: uuid.UUID

    @classmethod
    def of(cls, page: Page, site: Site | None) -> PageLink:
        """``page`` as a link, its URL relative on ``site`` (the request's)."""
        return cls(
            page.pk, page.title, page.get_url(current_site=site), page.translation_key
        )


@dataclass(frozen=True)
class OutlineLesson(PageLink):
    """A lesson as the course outline shows it."""

    summary: str = ""
    estimated_minutes: int = 0
    is_required: bool = True

    @classmethod
    def of(cls, page: Page, site: Site | None) -> OutlineLesson:
        return cls(
            page.pk,
            page.title,
            page.get_url(current_site=site),
            page.translation_key,
            page.summary,
            page.estimated_minutes,
            page.is_required,
        )


def course_outline(
    *, course: Page, site: Site | None, cache: RenderCache = NO_CACHE
) -> list[OutlineLesson]:
    """The course's live lessons as links on ``site``, in tree order.

    One query, or none from ``cache`` (the page's render cache): plain data
    that every learner shares.
    """
    return cache.get(
        "outline",
        course.pk,
        compute=lambda: [
            OutlineLesson.of(page, site) for page in course_lessons(course=course)
        ],
    )


@dataclass(frozen=True)
class LessonNavigation:
    """Where a lesson stands among its siblings: "Lesson 3 of 6", previous, next.

    Holds pages, or ``PageLink``/``OutlineLesson`` data when built for a
    request (every attribute a template or view reads exists on both).
    """

    course: Page | PageLink
    lessons: list
    position: int  # 1-based
    previous: Page | PageLink | None
    next: Page | PageLink | None

    @property
    def total(self) -> int:
        return len(self.lessons)


def lesson_navigation(
    *, lesson: Page, site: Site | None = None, cache: RenderCache = NO_CACHE
) -> LessonNavigation:
    """Previous/next lessons and the outline: two queries whatever the course size.

    With ``site``, links on that site instead of pages (plain data, taken
    from ``cache`` when it holds them: no query).
    """
    if site is None:
        course = lesson.get_parent().specific_deferred
        return _navigation(lesson, course, course_lessons(course=course))

    def build():
        course = lesson.get_parent().specific_deferred
        return _navigation(
            lesson,
            PageLink.of(course, site),
            course_outline(course=course, site=site, cache=cache),
        )

    return cache.get("lesson-nav", lesson.pk, compute=build)


def _navigation(lesson: Page, course, lessons: list) -> LessonNavigation:
    ids = [item.pk for item in lessons]
    index = ids.index(lesson.pk) if lesson.pk in ids else 0
    return LessonNavigation(
        course=course,
        lessons=lessons,
        position=index + 1,
        previous=lessons[index - 1] if index > 0 else None,
        next=lessons[index + 1] if index + 1 < len(lessons) else None,
    )


def canonical_page(page: Page) -> Page:
    """The original page of ``page``'s translation group, as the same model.

    The original is the page the translations were copied from: the lowest
    primary key sharing the ``translation_key``. One query.
    """
    model = type(page)
    return (
        model.objects.filter(translation_key=page.translation_key)
        .order_by("pk")
        .first()
        or page
    )


def page_in_language(*, page: Page, language_code: str) -> Page:
    """``page``'s live translation in a language, else ``page`` itself."""
    if page.locale.language_code == language_code:
        return page
    translation = (
        type(page)
        .objects.live()
        .filter(
            translation_key=page.translation_key, locale__language_code=language_code
        )
        .first()
    )
    return translation or page
