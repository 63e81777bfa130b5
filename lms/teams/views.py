"""Admin views for assignments (the list, the "Assign a course" form) and the
"Who must acknowledge" screen of a charter.

Trainers and managers use them; what each sees and may assign is decided by
``lms.teams.selectors``. Teams themselves are edited by trainers through the
viewset in ``wagtail_hooks``.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse, reverse_lazy
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, NumberColumn, TitleColumn
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView
from wagtail.admin.widgets import HeaderButton

from core.filters import IdModelChoiceFilter
from courses.models import CharterPage
from lms.teams.access import can_assign_courses, can_view_reports
from lms.teams.forms import AssignmentForm, CharterAudienceForm, RecurrenceFields
from lms.teams.models import Assignment, CharterAudience, Recurrence
from lms.teams.selectors import (
    assignable_courses,
    assignments_visible_to,
    teams_visible_to,
)
from lms.teams.services import (
    assignment_create,
    assignment_recurrence_set,
    charter_audience_set,
)

ASSIGNED_MESSAGE = gettext_lazy("“%(course)s” is assigned, due on %(due)s.")
EVERY_MONTHS = gettext_lazy("Every %(months)s months")
RECURRENCE_SAVED_MESSAGE = gettext_lazy(
    "The recurrence of “%(course)s” is saved; cycles already started keep their "
    "due dates."
)
AUDIENCE_SAVED_MESSAGE = gettext_lazy("Who must acknowledge “%(charter)s” is saved.")


class AssignmentFilterSet(WagtailFilterSet):
    """Filters of the assignment list; choices limited to the user's scope."""

    team = IdModelChoiceFilter(
        label=gettext_lazy("Team"),
        queryset=lambda request: teams_visible_to(user=request.user),
    )
    course = IdModelChoiceFilter(
        label=gettext_lazy("Course"), queryset=lambda request: assignable_courses()
    )

    class Meta:
        model = Assignment
        fields = ["team", "course"]


class AssignmentTargetColumn(Column):
    """The team an assignment went to, or "Chosen learners"."""

    def get_value(self, instance):
        return instance.team.name if instance.team else _("Chosen learners")


class RecurrenceColumn(TitleColumn):
    """ "Does not recur", "Every 12 months" or "When the certificate expires",
    linked to the screen that changes it for those who may assign courses."""

    def get_link_url(self, instance, parent_context):
        if can_assign_courses(parent_context["request"].user):
            return reverse("assignments:recurrence", args=[instance.pk])
        return None

    def get_value(self, instance):
        if instance.recurrence == Recurrence.MONTHS:
            return EVERY_MONTHS % {"months": instance.recurrence_months}
        return instance.get_recurrence_display()


class AssignmentIndexView(ReportView):
    """Assignments to the user's teams and people (all of them for trainers)."""

    page_title = gettext_lazy("Assignments")
    header_icon = "calendar-check"
    index_url_name = "assignments:index"
    index_results_url_name = "assignments:index_results"
    filterset_class = AssignmentFilterSet
    default_ordering = "due_on"
    verbose_name_plural = gettext_lazy("assignments")
    columns = [
        Column("course", label=gettext_lazy("Course"), accessor="course.title"),
        AssignmentTargetColumn("team", label=gettext_lazy("Assigned to")),
        DateColumn("due_on", label=gettext_lazy("Due date"), sort_key="due_on"),
        RecurrenceColumn("recurrence", label=gettext_lazy("Recurrence")),
        NumberColumn("reached", label=gettext_lazy("Learners")),
        Column("assigned_by", label=gettext_lazy("Assigned by")),
        DateColumn(
            "created_at", label=gettext_lazy("Assigned at"), sort_key="created_at"
        ),
    ]
    list_export = []  # the reports export; this list is for finding assignments

    def dispatch(self, request, *args, **kwargs):
        if not (can_view_reports(request.user) or can_assign_courses(request.user)):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_base_queryset(self):
        return assignments_visible_to(user=self.request.user).annotate(
            reached=Count("learner_assignments__learner", distinct=True)
        )

    @cached_property
    def header_buttons(self):
        if not can_assign_courses(self.request.user):
            return []
        return [
            HeaderButton(
                _("Assign a course"),
                url=reverse("assignments:create"),
                icon_name="plus",
            )
        ]


class AssignmentFormView(WagtailAdminTemplateMixin, FormView):
    """An assignment form of the admin: for those who may assign courses,
    under Assignments in the breadcrumbs, back to the list when saved."""

    header_icon = "calendar-check"
    success_url = reverse_lazy("assignments:index")

    def dispatch(self, request, *args, **kwargs):
        if not can_assign_courses(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("assignments:index"), "label": _("Assignments")},
            {"url": "", "label": self.page_title},
        ]


class AssignmentCreateView(AssignmentFormView):
    """Assign a course to a team or to chosen learners, with a due date."""

    template_name = "teams/assignment_form.html"
    form_class = AssignmentForm
    page_title = gettext_lazy("Assign a course")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            action_url=reverse("assignments:create"),
            submit_button_label=_("Assign"),
            **kwargs,
        )

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            assignment = assignment_create(
                course=data["course"],
                due_on=data["due_on"],
                team=data["team"],
                learners=data["learners"],
                assigned_by=self.request.user,
                recurrence=data["recurrence"],
                recurrence_months=data["recurrence_months"],
                cycle_days=data["cycle_days"],
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            ASSIGNED_MESSAGE
            % {"course": assignment.course.title, "due": assignment.due_on},
        )
        return redirect(self.get_success_url())


class AssignmentRecurrenceView(AssignmentFormView):
    """Change how an existing assignment recurs (``assignment_recurrence_set``).

    Open to those who may assign courses, for the assignments they can see;
    cycles already started keep their due dates, the next follow the change.
    """

    template_name = "teams/assignment_recurrence_form.html"
    form_class = RecurrenceFields
    page_title = gettext_lazy("Recurrence")

    def dispatch(self, request, *args, **kwargs):
        if can_assign_courses(request.user):  # else the base view refuses
            self.assignment = get_object_or_404(
                assignments_visible_to(user=request.user).select_related(
                    "course", "team"
                ),
                pk=kwargs["pk"],
            )
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        target = self.assignment.team or _("Chosen learners")
        return f"{self.assignment.course.title} → {target}"

    def get_initial(self):
        return {
            "recurrence": self.assignment.recurrence,
            "recurrence_months": self.assignment.recurrence_months,
            "cycle_days": self.assignment.cycle_days,
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            assignment=self.assignment,
            action_url=reverse("assignments:recurrence", args=[self.assignment.pk]),
            submit_button_label=_("Save"),
            **kwargs,
        )

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            assignment_recurrence_set(
                assignment=self.assignment,
                recurrence=data["recurrence"],
                recurrence_months=data["recurrence_months"],
                cycle_days=data["cycle_days"],
                by=self.request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            RECURRENCE_SAVED_MESSAGE % {"course": self.assignment.course.title},
        )
        return redirect(self.get_success_url())


class CharterAudienceView(WagtailAdminTemplateMixin, FormView):
    """Choose who must acknowledge a charter: everyone, or chosen teams.

    Open to whoever may edit the charter page; any translation leads to the
    same audience (it is the charter's, see ``CharterAudience``).
    """

    template_name = "teams/charter_audience_form.html"
    form_class = CharterAudienceForm
    page_title = gettext_lazy("Who must acknowledge")
    header_icon = "group"

    def dispatch(self, request, *args, **kwargs):
        self.charter = get_object_or_404(CharterPage, pk=kwargs["page_id"])
        if not self.charter.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.charter.get_admin_display_title()

    def get_initial(self):
        audience = (
            CharterAudience.objects.filter(charter_key=self.charter.translation_key)
            .prefetch_related("teams")
            .first()
        )
        if audience is None:
            return {"applies_to": CharterAudienceForm.EVERYONE}
        everyone = CharterAudienceForm.EVERYONE if audience.everyone else None
        return {
            "applies_to": everyone or CharterAudienceForm.TEAMS,
            "teams": list(audience.teams.all()),
        }

    def get_breadcrumbs_items(self):
        edit_url = reverse("wagtailadmin_pages:edit", args=[self.charter.pk])
        return self.breadcrumbs_items + [
            {"url": edit_url, "label": self.charter.get_admin_display_title()},
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            action_url=reverse("charter_audience", args=[self.charter.pk]),
            submit_button_label=_("Save"),
            **kwargs,
        )

    def form_valid(self, form):
        data = form.cleaned_data
        charter_audience_set(
            charter=self.charter,
            everyone=data["applies_to"] == CharterAudienceForm.EVERYONE,
            teams=data["teams"],
            changed_by=self.request.user,
        )
        title = self.charter.get_admin_display_title()
        messages.success(self.request, AUDIENCE_SAVED_MESSAGE % {"charter": title})
        return redirect("wagtailadmin_pages:edit", self.charter.pk)
