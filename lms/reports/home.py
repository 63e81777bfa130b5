"""Selectors behind the trainer's panel on the Wagtail admin home.

The panel (``lms.reports.wagtail_hooks.TrainerHomePanel``) shows three
lists, each read here or in the module that owns its rule:

* weak questions: ``lms.reports.item_analysis.weak_questions`` (the item
  analysis's own flag rule);
* courses with their enrolments and completion rate: :func:`course_overview`,
  counting as the team summary counts (``summary_aggregates``, over
  ``courses.completion.with_current_completion``);
* drafts waiting to be published: :func:`drafts_awaiting`, pages and draftable
  snippets (quizzes) with unpublished changes that the user may edit, those
  in a moderation workflow first.

Every selector takes the user, never the request, and costs a fixed number of
queries whatever the amount of content.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.contrib.admin.utils import quote
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, F, OuterRef, Subquery
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import timezone
from wagtail.models import (
    DraftStateMixin,
    WorkflowState,
    get_default_page_content_type,
)
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.models import get_editable_models

from courses.completion import with_current_completion
from courses.models import CoursePage, Enrolment
from lms.reports.selectors import completion_rate, summary_aggregates
from lms.teams.selectors import learner_in_scope_q

#: The admin home lists at most this many drafts.
HOME_DRAFTS = 10


@dataclass(frozen=True)
class CourseOverview:
    """One course on the trainer's admin home: enrolments and completion."""

    course_id: int
    title: str
    language: str
    enrolled: int
    completed: int
    overdue: int

    @property
    def rate(self) -> int:
        return completion_rate(self.completed, self.enrolled)

    @property
    def edit_url(self) -> str:
        return reverse("wagtailadmin_pages:edit", args=[self.course_id])


def course_overview(
    *, user, today: datetime.date | None = None
) -> list[CourseOverview]:
    """Every course with its enrolments in ``user``'s scope (2 queries).

    Enrolments of any source count (assigned or self-enrolled); completed
    means this cycle's completion is recorded, and overdue is a past due date
    without completion, as in the team summary.
    """
    today = today or timezone.localdate()
    aggregates = summary_aggregates(today=today)
    del aggregates["average_score"]
    enrolments = with_current_completion(Enrolment.objects.all())
    scope = learner_in_scope_q(user=user)
    if scope is not None:
        enrolments = enrolments.filter(scope)
    figures = {
        row["course_id"]: row
        for row in enrolments.values("course_id").annotate(**aggregates).order_by()
    }
    empty = {"assigned": 0, "completed": 0, "overdue": 0}
    courses = CoursePage.objects.order_by("title", "pk").values_list(
        "pk", "title", "locale__language_code"
    )
    return [
        CourseOverview(
            course_id=pk,
            title=title,
            language=language,
            enrolled=figures.get(pk, empty)["assigned"],
            completed=figures.get(pk, empty)["completed"],
            overdue=figures.get(pk, empty)["overdue"],
        )
        for pk, title, language in courses
    ]


@dataclass(frozen=True)
class Draft:
    """A page or snippet with unpublished changes, and where to edit it."""

    label: str
    kind: str
    edit_url: str
    edited_at: datetime.datetime | None
    #: the current task's name while the draft awaits moderation, else ""
    moderation_task: str = ""


def _moderation_task(content_type: ContentType):
    """The current task of an object's active workflow, as a subquery."""
    return Subquery(
        WorkflowState.objects.active()
        .filter(
            base_content_type=content_type,
            object_id=Cast(OuterRef("pk"), output_field=CharField()),
        )
        .values("current_task_state__task__name")[:1]
    )


def _awaiting_first(queryset, edited_field: str):
    return queryset.order_by(
        F("moderation_task").asc(nulls_last=True), F(edited_field).desc(), "-pk"
    )


def _page_drafts(*, user, limit: int) -> list[Draft]:
    pages = (
        PagePermissionPolicy()
        .instances_user_has_permission_for(user, "change")
        .filter(has_unpublished_changes=True)
        .annotate(moderation_task=_moderation_task(get_default_page_content_type()))
    )
    return [
        Draft(
            label=page.get_admin_display_title(),
            kind=str(page.specific_class._meta.verbose_name)
            if page.specific_class
            else "",
            edit_url=reverse("wagtailadmin_pages:edit", args=[page.pk]),
            edited_at=page.latest_revision_created_at,
            moderation_task=page.moderation_task or "",
        )
        for page in _awaiting_first(pages, "latest_revision_created_at")[:limit]
    ]


def _snippet_drafts(model, *, limit: int) -> list[Draft]:
    content_type = model.get_base_content_type()
    drafts = (
        model.objects.filter(has_unpublished_changes=True)
        .select_related("latest_revision")
        .annotate(moderation_task=_moderation_task(content_type))
    )
    edit_name = model.snippet_viewset.get_url_name("edit")
    return [
        Draft(
            label=str(instance),
            kind=str(model._meta.verbose_name),
            edit_url=reverse(edit_name, args=[quote(instance.pk)]),
            edited_at=getattr(instance.latest_revision, "created_at", None),
            moderation_task=instance.moderation_task or "",
        )
        for instance in _awaiting_first(drafts, "latest_revision__created_at")[:limit]
    ]


def drafts_awaiting(*, user, limit: int = HOME_DRAFTS) -> list[Draft]:
    """Drafts ``user`` may edit, awaiting moderation first, then latest edits.

    Pages and every draftable snippet model the user may change (quizzes);
    one query per source, so a fixed number whatever the amount of content.
    """
    drafts = _page_drafts(user=user, limit=limit)
    for model in get_editable_models(user):
        if issubclass(model, DraftStateMixin):
            drafts += _snippet_drafts(model, limit=limit)
    oldest = datetime.datetime.min.replace(tzinfo=datetime.UTC)
    drafts.sort(key=lambda draft: draft.edited_at or oldest, reverse=True)
    drafts.sort(key=lambda draft: not draft.moderation_task)
    return drafts[:limit]
