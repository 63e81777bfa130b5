"""Scenarios (branching "what would you do?" exercises) and learners' runs."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, Panel
from wagtail.fields import StreamField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
)
from wagtail.search import index

from scenarios.blocks import SituationBlock
from scenarios.drawing import edge_list, graph_svg
from scenarios.graph import Choice, Graph, Situation


def graph_from_stream(stream) -> Graph:
    """The plain :class:`~scenarios.graph.Graph` of a ``situations`` StreamField value.

    Choice ids are the ListBlock items' own ids, which Wagtail keeps across
    edits; a choice saved before it had one falls back to its position.
    """
    situations = []
    for child in stream or []:
        value = child.value
        choices = []
        for position, item in enumerate(value["choices"].bound_blocks):
            choice = item.value
            choices.append(
                Choice(
                    id=str(item.id or f"{value['key']}-{position}"),
                    text=choice["text"],
                    target=choice["leads_to"],
                    consequence=choice["consequence"] or "",
                    points=choice["points"] or 0,
                )
            )
        image = value["image"]
        situations.append(
            Situation(
                key=value["key"],
                label=value["label"],
                text=value["text"],
                speaker=value["speaker"] or "",
                is_ending=bool(value["is_ending"]),
                debrief=value["debrief"] or "",
                choices=tuple(choices),
                image_id=image.pk if image else None,
                image_alt=value["image_alt"] or "",
            )
        )
    return Graph(tuple(situations))


class ScenarioGraphPanel(Panel):
    """The edit view's map of the scenario as last saved (SVG and a text list)."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "scenarios/admin/graph_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            instance = self.instance
            graph = instance.graph() if instance and instance.pk else Graph()
            context.update(
                svg=graph_svg(graph, title=instance.title or "", ident="edit-graph")
                if graph.situations
                else "",
                edges=edge_list(graph),
            )
            return context


class Scenario(
    PreviewableMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    TranslatableMixin,
    index.Indexed,
    models.Model,
):
    """A branching scenario, authored as a snippet with drafts and revisions.

    Its situations form a small graph (``scenarios.graph``): the first is the
    start, choices lead to situations by key, endings carry a debrief.
    Learners only play the published row. Knows nothing of courses.
    """

    title = models.CharField(_("title"), max_length=255)
    introduction = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("Shown before the learner starts: the context and the goal."),
    )
    situations = StreamField(
        [("situation", SituationBlock())],
        verbose_name=_("situations"),
        blank=True,
        help_text=_(
            "The first situation is the start. Each choice names the key of the "
            "situation it leads to; endings offer no choice."
        ),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    revisions = GenericRelation(
        "wagtailcore.Revision",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="scenario",
        for_concrete_model=False,
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("introduction"),
        FieldPanel("situations"),
        ScenarioGraphPanel(heading=_("Map of the scenario (as last saved)")),
    ]
    search_fields = [
        index.SearchField("title"),
        index.AutocompleteField("title"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("scenario")
        verbose_name_plural = _("scenarios")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("scenarios:detail", kwargs={"scenario_id": self.pk})

    def graph(self) -> Graph:
        return graph_from_stream(self.situations)

    def get_preview_template(self, request, mode_name):
        return "scenarios/scenario_preview.html"

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        graph = self.graph()
        context.update(
            scenario=self,
            graph=graph,
            svg=graph_svg(graph, title=self.title) if graph.situations else "",
            edges=edge_list(graph),
        )
        return context


class ScenarioRun(models.Model):
    """One learner's way through a scenario, kept as they saw it.

    ``path`` holds each step taken: the situation's key and text, the choice's
    id and text, its consequence and points, as shown at the time, so later
    edits change no recorded run. ``sequence`` counts choices: a page carries
    the value it was rendered with and a choice from an older page (back
    button, a second tab) is refused. At most one unfinished run per learner
    and scenario.
    """

    scenario = models.ForeignKey(
        Scenario,
        verbose_name=_("scenario"),
        on_delete=models.PROTECT,
        related_name="runs",
    )
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="scenario_runs",
    )
    current_key = models.CharField(_("current situation"), max_length=60)
    path = models.JSONField(_("path"), default=list, blank=True)
    score = models.IntegerField(_("score"), default=0)
    ending_key = models.CharField(_("ending"), max_length=60, blank=True)
    sequence = models.PositiveIntegerField(_("choices made"), default=0)
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("scenario run")
        verbose_name_plural = _("scenario runs")
        ordering = ["-started_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["scenario", "learner"],
                condition=models.Q(finished_at__isnull=True),
                name="scenarios_one_open_run",
            )
        ]
        indexes = [models.Index(fields=["learner", "scenario", "finished_at"])]

    def __str__(self):
        return f"{self.learner} · {self.scenario}"

    @property
    def is_finished(self) -> bool:
        return self.finished_at is not None

    @property
    def path_keys(self) -> list[str]:
        """The situations visited, in order, ending included once finished."""
        keys = [step["situation"] for step in self.path]
        if self.is_finished:
            keys.append(self.ending_key)
        return keys
