"""Scenario authoring in the Wagtail admin: one snippet viewset with drafts,
revisions, locking and preview; the graph checks run on every save."""

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
