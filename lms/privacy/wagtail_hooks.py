"""Admin wiring: export and erase views, users listing buttons, the log action."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import ListingButton

from lms.privacy import views
from lms.privacy.services import ERASE_ACTION


@hooks.register("register_admin_urls")
def register_privacy_urls():
    return [
        path(
            "privacy/people/<id:user_id>/export/",
            views.person_export,
            name="privacy_export",
        ),
        path(
            "privacy/people/<id:user_id>/erase/",
            views.person_erase_view,
            name="privacy_erase",
        ),
    ]


@hooks.register("register_user_listing_buttons")
def privacy_buttons(user, request_user):
    if not request_user.is_superuser:
        return []
    return [
        ListingButton(
            _("Export data"), reverse("privacy_export", args=[user.pk]), priority=60
        ),
        ListingButton(
            _("Erase personal data"),
            reverse("privacy_erase", args=[user.pk]),
            priority=70,
        ),
    ]


@hooks.register("register_log_actions")
def register_privacy_log_actions(actions):
    actions.register_action(
        ERASE_ACTION, _("Erase personal data"), _("A person's data was erased")
    )
