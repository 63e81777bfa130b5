"""The scenario edit form: the graph checks, each naming its situation, on save."""

from wagtail.admin.forms import WagtailAdminModelForm

from scenarios.graph import check
from scenarios.models import graph_from_stream


class ScenarioAdminForm(WagtailAdminModelForm):
    """Refuses a scenario whose graph fails a check (``scenarios.graph.check``)."""

    def clean(self):
        cleaned_data = super().clean()
        stream = cleaned_data.get("situations")
        if stream is not None and "situations" not in self.errors:
            for error in check(graph_from_stream(stream)):
                self.add_error("situations", error.message)
        return cleaned_data
