"""Wagtail admin registration of teams, assignments and charter audiences."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from courses.models import CharterPage
from lms.teams import urls as assignment_urls
from lms.teams.access import can_assign_courses, can_view_reports
from lms.teams.services import (
    ASSIGN_ACTION,
    CHARTER_AUDIENCE_ACTION,
    RECURRENCE_ACTION,
)
from lms.teams.views import CharterAudienceView
from lms.teams.viewsets import learner_chooser_viewset, team_viewset


@hooks.register("register_admin_viewset")
def register_team_viewsets():
    return [learner_chooser_viewset, team_viewset]


@hooks.register("register_admin_urls")
def register_assignment_urls():
    return [
        path("assignments/", include(assignment_urls, namespace="assignments")),
        path(
            "charters/<id:page_id>/audience/",
            CharterAudienceView.as_view(),
            name="charter_audience",
        ),
    ]


def _charter_audience_button(page, user, priority: int):
    if issubclass(page.specific_class or type(page), CharterPage) and (
        page.permissions_for_user(user).can_edit()
    ):
        yield Button(
            _("Who must acknowledge"),
            reverse("charter_audience", args=[page.pk]),
            icon_name="group",
            priority=priority,
        )


@hooks.register("register_page_header_buttons")
def charter_audience_header_button(page, user, view_name, next_url=None):
    yield from _charter_audience_button(page, user, priority=75)


@hooks.register("register_page_listing_more_buttons")
def charter_audience_listing_button(page, user, next_url=None):
    yield from _charter_audience_button(page, user, priority=55)


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
    actions.register_action(
        CHARTER_AUDIENCE_ACTION,
        _("Choose who must acknowledge"),
        _("Who must acknowledge the charter changed"),
    )
