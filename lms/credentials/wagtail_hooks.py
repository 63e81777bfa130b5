"""Wagtail admin wiring for credentials: the audit log's action."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from lms.credentials.services import ISSUE_ACTION


@hooks.register("register_log_actions")
def register_credential_log_actions(actions):
    actions.register_action(
        ISSUE_ACTION, _("Issue Open Badge"), _("Open Badge credential issued")
    )
