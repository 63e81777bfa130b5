"""The "Assign a course" form, limited to what the person assigning may reach,
and the "Who must acknowledge" form of a charter."""

from __future__ import annotations

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.widgets import AdminDateInput

from lms.teams.models import (
    CYCLE_DAYS_DEFAULT,
    CYCLE_DAYS_MAX,
    RECURRENCE_MONTHS_MAX,
    RECURRENCE_MONTHS_MIN,
    Recurrence,
    Team,
)
from lms.teams.selectors import (
    assignable_courses,
    assignable_learners,
    assignable_teams,
)
from lms.teams.services import (
    ASSIGNMENT_NO_TARGET,
    ASSIGNMENT_ONE_TARGET,
    CHARTER_AUDIENCE_NO_TEAM,
    recurrence_clean,
)

DUE_DATE_IN_PAST = _("Choose a due date from today on.")
LEARNERS_UNKNOWN = _(
    "These people are not among the learners you can assign courses to: %(names)s."
)
TOO_MANY_LEARNERS = _("Enter at most %(limit)s learners at once, or assign a team.")

MAX_LEARNERS_PER_FORM = 500


class RecurrenceFields(forms.Form):
    """How an assignment recurs: never, every N months, or on certificate expiry.

    The numbers are checked by the service's own rule
    (``lms.teams.services.recurrence_clean``), so the form and the service
    refuse the same input with the same messages.
    """

    recurrence = forms.ChoiceField(
        label=_("Recurrence"),
        choices=Recurrence.choices,
        initial=Recurrence.NONE,
        required=False,
        widget=forms.RadioSelect,
        help_text=_(
            "A recurring assignment gives each learner a new cycle to complete, "
            "with its own due date and reminders."
        ),
    )
    recurrence_months = forms.IntegerField(
        label=_("Every (months)"),
        required=False,
        min_value=RECURRENCE_MONTHS_MIN,
        max_value=RECURRENCE_MONTHS_MAX,
        help_text=_(
            "For “Every N months”: a new cycle starts this many months after "
            "the previous cycle's due date (1 to 60)."
        ),
    )
    cycle_days = forms.IntegerField(
        label=_("Days to complete each new cycle"),
        initial=CYCLE_DAYS_DEFAULT,
        required=False,
        min_value=1,
        max_value=CYCLE_DAYS_MAX,
        help_text=_("Each new cycle is due this many days after it starts."),
    )

    def clean(self):
        cleaned = super().clean()
        if self.errors.keys() & {"recurrence", "recurrence_months", "cycle_days"}:
            return cleaned
        # Left empty: no recurrence, the default time to complete a cycle.
        recurrence = cleaned.get("recurrence") or Recurrence.NONE
        days = cleaned.get("cycle_days") or CYCLE_DAYS_DEFAULT
        months = cleaned.get("recurrence_months")
        if recurrence != Recurrence.MONTHS:
            months = None  # typed, then another choice made: not an error
        try:
            cleaned.update(
                recurrence_clean(recurrence=recurrence, months=months, cycle_days=days)
            )
        except forms.ValidationError as error:
            self.add_error(None, error)
        return cleaned


class AssignmentForm(RecurrenceFields):
    """Course, due date, either a team or learners, and the recurrence."""

    course = forms.ModelChoiceField(
        label=_("Course"), queryset=None, empty_label=_("Choose a course")
    )
    due_on = forms.DateField(
        label=_("Due date"),
        widget=AdminDateInput,
        help_text=_("Learners are reminded before this date, and after it if late."),
    )
    team = forms.ModelChoiceField(
        label=_("Team"),
        queryset=None,
        required=False,
        empty_label=_("No team: chosen learners"),
        help_text=_("Everyone in the team, including people who join it later."),
    )
    learners = forms.CharField(
        label=_("Learners"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Or chosen learners: usernames or email addresses, one per line. "
            "Leave empty when assigning a team."
        ),
    )

    field_order = [
        "course",
        "due_on",
        "team",
        "learners",
        "recurrence",
        "recurrence_months",
        "cycle_days",
    ]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["course"].queryset = assignable_courses()
        self.fields["team"].queryset = assignable_teams(user=user)

    def clean_due_on(self):
        due_on = self.cleaned_data["due_on"]
        if due_on < timezone.localdate():
            raise forms.ValidationError(DUE_DATE_IN_PAST)
        return due_on

    def clean_learners(self) -> list:
        names = []
        for line in self.cleaned_data.get("learners", "").splitlines():
            name = line.strip()
            if name and name.casefold() not in {n.casefold() for n in names}:
                names.append(name)
        if len(names) > MAX_LEARNERS_PER_FORM:
            raise forms.ValidationError(
                TOO_MANY_LEARNERS % {"limit": MAX_LEARNERS_PER_FORM}
            )
        if not names:
            return []
        lookup = Q()
        for name in names:
            lookup |= Q(username__iexact=name) | Q(email__iexact=name)
        found = list(assignable_learners(user=self.user).filter(lookup))
        known = {u.username.casefold() for u in found} | {
            u.email.casefold() for u in found if u.email
        }
        unknown = [name for name in names if name.casefold() not in known]
        if unknown:
            raise forms.ValidationError(
                LEARNERS_UNKNOWN % {"names": ", ".join(unknown)}
            )
        return found

    def clean(self):
        cleaned = super().clean()
        team, learners = cleaned.get("team"), cleaned.get("learners")
        if "learners" in cleaned and "team" in cleaned:
            if team and learners:
                raise forms.ValidationError(ASSIGNMENT_ONE_TARGET)
            if not team and not learners:
                raise forms.ValidationError(ASSIGNMENT_NO_TARGET)
        return cleaned


class CharterAudienceForm(forms.Form):
    """Everyone, or only the members of the teams ticked (now and later)."""

    EVERYONE, TEAMS = "everyone", "teams"

    applies_to = forms.ChoiceField(
        label=_("Who must acknowledge the charter"),
        choices=[
            (EVERYONE, pgettext_lazy("charter audience", "Everyone")),
            (TEAMS, _("Only the members of the chosen teams")),
        ],
        widget=forms.RadioSelect,
        help_text=_(
            "Only they see the reminder on their dashboard, receive the reminder "
            "emails and count as pending in the charter report. Anyone may still "
            "read and acknowledge the charter, and a course that requires it "
            "requires it of every learner."
        ),
    )
    teams = forms.ModelMultipleChoiceField(
        label=_("Teams"),
        queryset=Team.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("People who join these teams later are asked too."),
    )

    def clean(self):
        data = super().clean()
        if data.get("applies_to") == self.TEAMS and not data.get("teams"):
            self.add_error("teams", CHARTER_AUDIENCE_NO_TEAM)
        return data
