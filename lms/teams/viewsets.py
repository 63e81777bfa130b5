"""Admin viewsets of teams: the team editor and the learner chooser it uses.

Only trainers (``teams.add_team`` / ``teams.change_team``) edit teams and may
open the learner chooser; managers never list users. Saving a team enrols
new members in the team's assignments.
"""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.panels import FieldPanel, HelpPanel, InlinePanel
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import chooser as chooser_views
from wagtail.admin.views.generic import models as model_views
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.admin.viewsets.model import ModelViewSet

from core.converters import ID_CONVERTER
from lms.teams.models import Team
from lms.teams.services import team_assignments_sync

EDIT_TEAMS_PERMISSIONS = ("teams.add_team", "teams.change_team")


class LearnerSearchForm(BaseFilterForm):
    """Search people by name, username or email, word by word."""

    q = forms.CharField(
        label=_("Search term"),
        required=False,
        widget=forms.TextInput(attrs={"placeholder": _("Name, username or email")}),
    )

    def filter(self, objects):
        objects = super().filter(objects)
        query = self.cleaned_data.get("q", "")
        for word in query.split():
            objects = objects.filter(
                Q(username__icontains=word)
                | Q(first_name__icontains=word)
                | Q(last_name__icontains=word)
                | Q(email__icontains=word)
            )
        if query.strip():
            self.is_searching = True
            self.search_query = query
        return objects


class TeamEditorsOnlyMixin:
    """Only people who edit teams may list or pick users."""

    def dispatch(self, request, *args, **kwargs):
        if not any(request.user.has_perm(p) for p in EDIT_TEAMS_PERMISSIONS):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class LearnerChooseViewMixin:
    filter_form_class = LearnerSearchForm

    @property
    def columns(self):
        return [
            self.title_column,
            Column("email", label=_("Email")),
        ]


class LearnerChooseView(
    TeamEditorsOnlyMixin, LearnerChooseViewMixin, chooser_views.ChooseView
):
    pass


class LearnerChooseResultsView(
    TeamEditorsOnlyMixin, LearnerChooseViewMixin, chooser_views.ChooseResultsView
):
    pass


class LearnerChosenView(TeamEditorsOnlyMixin, chooser_views.ChosenView):
    pass


class LearnerChooserViewSet(ChooserViewSet):
    """A searchable user chooser for team members and managers."""

    model = get_user_model()
    icon = "user"
    choose_one_text = _("Choose a person")
    choose_another_text = _("Choose another person")
    edit_item_text = _("Edit person")
    per_page = 20
    # Explicit widgets only: other apps' user fields keep their own widgets.
    register_widget = False
    choose_view_class = LearnerChooseView
    choose_results_view_class = LearnerChooseResultsView
    chosen_view_class = LearnerChosenView

    def get_object_list(self):
        return (
            get_user_model()
            .objects.filter(is_active=True)
            .order_by("last_name", "first_name", "username")
        )


learner_chooser_viewset = LearnerChooserViewSet("team_people_chooser")


class TeamSyncMixin:
    """After a save, enrol new members in the team's assignments."""

    def save_instance(self):
        instance = super().save_instance()
        team_assignments_sync(team=instance)
        return instance


class TeamCreateView(TeamSyncMixin, model_views.CreateView):
    pass


class TeamEditView(TeamSyncMixin, model_views.EditView):
    pass


class MembersCountColumn(Column):
    """The number of members, counted by TeamIndexView's query."""

    def get_value(self, instance):
        return instance.members_count


class TeamIndexView(model_views.IndexView):
    """The teams listing, with each team's member count for its column.

    Wagtail's ModelViewSet never calls a viewset-level ``get_queryset``, so
    the annotation lives on the index view (and its results fragment).
    """

    def get_base_queryset(self):
        return super().get_base_queryset().annotate(members_count=Count("memberships"))


class TeamViewSet(ModelViewSet):
    """Teams, edited by trainers: name, managers and members."""

    model = Team
    icon = "group"
    pk_path_converter = ID_CONVERTER  # no 500 for a 25-digit pk (core.converters)
    menu_label = _("Teams")
    menu_order = 250
    add_to_admin_menu = True
    search_fields = ["name"]
    list_display = [
        "name",
        MembersCountColumn("members_count", label=_("Members")),
    ]
    index_view_class = TeamIndexView
    create_view_class = TeamCreateView
    edit_view_class = TeamEditView

    @property
    def panels(self):
        person = learner_chooser_viewset.widget_class
        return [
            FieldPanel("name"),
            FieldPanel("description"),
            InlinePanel(
                "manager_roles",
                heading=_("Managers"),
                label=_("Manager"),
                panels=[FieldPanel("manager", widget=person)],
            ),
            HelpPanel(
                content=_(
                    "New members are enrolled at once in every course assigned to "
                    "the team, with the assignment's due date."
                )
            ),
            InlinePanel(
                "memberships",
                heading=_("Members"),
                label=_("Member"),
                panels=[FieldPanel("learner", widget=person)],
            ),
        ]


team_viewset = TeamViewSet("teams")
