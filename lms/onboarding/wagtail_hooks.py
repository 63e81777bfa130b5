"""Wagtail admin registration of the people import: menu item, URLs, log actions."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from lms.onboarding import urls as import_urls
from lms.onboarding.services import APPLY_ACTION, UPLOAD_ACTION
from lms.teams.access import can_view_all_reports


@hooks.register("register_admin_urls")
def register_people_import_urls():
    return [path("people-import/", include(import_urls, namespace="people_import"))]


class PeopleImportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_all_reports(request.user)


@hooks.register("register_admin_menu_item")
def register_people_import_menu_item():
    return PeopleImportMenuItem(
        _("People import"),
        reverse("people_import:upload"),
        name="people-import",
        icon_name="group",
        order=270,
    )


@hooks.register("register_log_actions")
def register_people_import_log_actions(actions):
    actions.register_action(
        UPLOAD_ACTION, _("Upload a people file"), _("People file uploaded")
    )
    actions.register_action(
        APPLY_ACTION, _("Apply a people import"), _("People import applied")
    )
