"""Wagtail admin: the "Sign-in group → team" mappings, and log action labels."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from lms.accounts.models import SignInGroupTeam
from lms.accounts.services import PERSON_CREATE_ACTION, PERSON_UPDATE_ACTION


class SignInGroupTeamViewSet(SnippetViewSet):
    """Map identity-provider groups to teams; members follow at each sign-in."""

    model = SignInGroupTeam
    icon = "group"
    menu_label = _("Sign-in groups → teams")
    add_to_admin_menu = False
    list_display = ["group", "team"]
    search_fields = ["group"]


register_snippet(SignInGroupTeamViewSet)


@hooks.register("register_log_actions")
def register_sign_in_log_actions(actions):
    actions.register_action(
        PERSON_CREATE_ACTION,
        _("Create a person at company sign-in"),
        _("Person created at company sign-in"),
    )
    actions.register_action(
        PERSON_UPDATE_ACTION,
        _("Update a person from their identity provider"),
        _("Person updated from their identity provider"),
    )
