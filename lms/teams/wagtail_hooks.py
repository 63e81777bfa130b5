"""Wagtail admin registration of teams and assignments."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from lms.teams import urls as assignment_urls
from lms.teams.access import can_assign_courses, can_view_reports
from lms.teams.services import ASSIGN_ACTION, RECURRENCE_ACTION
from lms.teams.viewsets import learner_chooser_viewset, team_viewset


@hooks.register("register_admin_viewset")
def register_team_viewsets():
    return [learner_chooser_viewset, team_viewset]


@hooks.register("register_admin_urls")
def register_assignment_urls():
    return [path("assignments/", include(assignment_urls, namespace="assignments"))]


class AssignmentsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_reports(request.user) or can_assign_courses(request.user)


@hooks.register("register_admin_menu_item")
def register_assignments_menu_item():
    return AssignmentsMenuItem(
        _("Assignments"),
        reverse("assignments:index"),
        name="assignments",
        icon_name="calendar-check",
        order=260,
    )


@hooks.register("register_log_actions")
def register_assignment_log_actions(actions):
    actions.register_action(ASSIGN_ACTION, _("Assign a course"), _("Course assigned"))
    actions.register_action(
        RECURRENCE_ACTION,
        _("Change an assignment's recurrence"),
        _("Assignment recurrence changed"),
    )
