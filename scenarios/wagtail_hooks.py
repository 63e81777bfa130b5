"""Scenario authoring in the Wagtail admin: one snippet viewset with drafts,
revisions, locking and preview; the graph checks run on every save."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import UpdatedAtColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.converters import ID_CONVERTER
from scenarios.admin_forms import ScenarioAdminForm
from scenarios.models import Scenario
from scenarios.services import ACTION_CHOOSE, ACTION_FINISH, ACTION_START


class ScenarioViewSet(SnippetViewSet):
    model = Scenario
    icon = "resubmit"
    pk_path_converter = ID_CONVERTER
    menu_label = _("Scenarios")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["title", UpdatedAtColumn()]
    list_per_page = 50

    def get_edit_handler(self):
        return ObjectList(
            Scenario.panels, base_form_class=ScenarioAdminForm
        ).bind_to_model(Scenario)


register_snippet(ScenarioViewSet)

SCENARIO_HAS_RUNS = _(
    "“%(scenario)s” cannot be deleted: learners have played it, and their runs "
    "must stay. Unpublish it instead."
)


@hooks.register("before_delete_snippet")
def protect_scenarios_with_runs(request, instances):
    """Refuse, with a message, deleting a scenario learners have played (their
    runs keep it, ``on_delete=PROTECT``), in the delete view and bulk deletion."""
    blocked = [
        SCENARIO_HAS_RUNS % {"scenario": instance}
        for instance in instances
        if isinstance(instance, Scenario) and instance.runs.exists()
    ]
    if not blocked:
        return None
    for message in blocked:
        messages.error(request, message)
    return redirect(Scenario.snippet_viewset.get_url_name("list"))


@hooks.register("register_log_actions")
def register_scenario_log_actions(actions):
    actions.register_action(
        ACTION_START, _("Start scenario run"), _("Scenario run started")
    )
    actions.register_action(
        ACTION_CHOOSE, _("Choose in scenario run"), _("Scenario choice made")
    )
    actions.register_action(
        ACTION_FINISH, _("Finish scenario run"), _("Scenario run finished")
    )
