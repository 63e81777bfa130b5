"""Teams, who is in them, who manages them, and the courses assigned to people.

A team has members (the learners a manager follows) and managers; a user may
belong to, or manage, several teams. An *assignment* gives one course, with a
due date, to a whole team or to chosen learners. Each learner it reaches gets
a ``LearnerAssignment`` row, linked to their enrolment: reports count those
rows, and reminders are logged against them.

Assignments point at a course's original-language page, like enrolments do
(see ``courses.models.enrolment``).

An assignment may *recur* (``Recurrence``): every N months, or when the
learner's certificate for the course expires. Each new cycle is one more
``LearnerAssignment`` row for the learner (``cycle`` 2, 3, ...) with its own
due date, so reminders follow each cycle as they follow the first
(``lms.teams.services.assignment_cycles_start``).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel


class Team(ClusterableModel):
    """A group of learners followed by one or more managers.

    Members and managers are edited inline on the team's admin page (its
    panels live with the viewset in ``wagtail_hooks``, beside the learner
    chooser they use). Adding a member enrols them in every course already
    assigned to the team.
    """

    name = models.CharField(
        _("name"),
        max_length=120,
        unique=True,
        help_text=_("As managers know it, e.g. “Customer service – Montréal”."),
    )
    description = models.TextField(
        _("description"), blank=True, help_text=_("Optional notes for trainers.")
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        ordering = ["name"]
        permissions = [
            (
                "view_team_reports",
                _("Can see the reports of the teams they manage"),
            ),
            (
                "view_all_reports",
                _("Can see every team's reports and the quiz item analysis"),
            ),
        ]

    def __str__(self):
        return self.name


class TeamMembership(models.Model):
    """A learner's membership of a team."""

    team = ParentalKey(
        Team,
        verbose_name=_("team"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="team_memberships",
    )
    joined_at = models.DateTimeField(_("joined at"), default=timezone.now)

    class Meta:
        verbose_name = _("team membership")
        verbose_name_plural = _("team memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["team", "learner"], name="unique_team_membership"
            )
        ]
        # Reports scope by "is this learner in one of these teams": learner first.
        indexes = [
            models.Index(fields=["learner", "team"], name="teams_member_learner_idx")
        ]

    def __str__(self):
        return f"{self.learner} ∈ {self.team}"


class TeamManagerRole(models.Model):
    """A user's role as a manager of a team: they see its members' reports."""

    team = ParentalKey(
        Team,
        verbose_name=_("team"),
        on_delete=models.CASCADE,
        related_name="manager_roles",
    )
    manager = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("manager"),
        on_delete=models.CASCADE,
        related_name="team_manager_roles",
    )

    class Meta:
        verbose_name = _("team manager")
        verbose_name_plural = _("team managers")
        constraints = [
            models.UniqueConstraint(
                fields=["team", "manager"], name="unique_team_manager"
            )
        ]

    def __str__(self):
        return f"{self.manager} manages {self.team}"


class Recurrence(models.TextChoices):
    """Whether, and when, an assignment gives its learners a new cycle."""

    NONE = "none", _("Does not recur")
    MONTHS = "months", _("Every N months")
    CERTIFICATE = "certificate", _("When the learner's certificate expires")


#: Bounds of "every N months", and the default time to complete a new cycle.
RECURRENCE_MONTHS_MIN, RECURRENCE_MONTHS_MAX = 1, 60
CYCLE_DAYS_DEFAULT, CYCLE_DAYS_MAX = 30, 365


class Assignment(models.Model):
    """A course given to a team or to chosen learners, to finish by a due date.

    Team assignments also reach people who join the team later. Assigning the
    same course to the same target with the same due date again changes
    nothing (see ``assignment_create``). A recurring assignment starts a new
    cycle per learner every ``recurrence_months`` months after the previous
    cycle's due date, or when the certificate of their last completed cycle
    expires; each new cycle is due ``cycle_days`` days after it starts.
    """

    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("course"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The original-language page of the course."),
    )
    team = models.ForeignKey(
        Team,
        verbose_name=_("team"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="assignments",
        help_text=_("Empty when the course was assigned to chosen learners."),
    )
    due_on = models.DateField(_("due date"))
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("assigned at"), default=timezone.now)
    recurrence = models.CharField(
        _("recurrence"),
        max_length=20,
        choices=Recurrence.choices,
        default=Recurrence.NONE,
    )
    recurrence_months = models.PositiveSmallIntegerField(
        _("every (months)"),
        null=True,
        blank=True,
        help_text=_("From 1 to 60; only when the assignment recurs every N months."),
    )
    cycle_days = models.PositiveSmallIntegerField(
        _("days to complete each new cycle"),
        default=CYCLE_DAYS_DEFAULT,
        help_text=_("A new cycle is due this many days after it starts."),
    )

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        ordering = ["due_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(recurrence=Recurrence.MONTHS)
                | Q(
                    recurrence_months__gte=RECURRENCE_MONTHS_MIN,
                    recurrence_months__lte=RECURRENCE_MONTHS_MAX,
                ),
                name="assignment_recurrence_months_range",
            ),
            models.CheckConstraint(
                condition=Q(cycle_days__gte=1, cycle_days__lte=CYCLE_DAYS_MAX),
                name="assignment_cycle_days_range",
            ),
            models.UniqueConstraint(
                fields=["team", "course", "due_on"],
                condition=Q(team__isnull=False),
                name="unique_team_assignment",
            ),
            models.UniqueConstraint(
                fields=["course", "due_on"],
                condition=Q(team__isnull=True),
                name="unique_individual_assignment",
            ),
        ]

    def __str__(self):
        target = self.team or _("chosen learners")
        return f"{self.course} → {target} ({self.due_on:%Y-%m-%d})"


class LearnerAssignment(models.Model):
    """One cycle of an assignment for one learner, with the enrolment it gave them.

    The first cycle is made when the assignment reaches the learner; a
    recurring assignment adds one row per new cycle (``cycle`` 2, 3, ...),
    each with its own due date. The row is done when the enrolment has a
    completion of ``enrolment_cycle`` or a later cycle. Kept when the learner
    later leaves the team: the course was assigned to them. Reminders are
    logged per row, so each is sent once per learner, assignment and cycle.
    """

    assignment = models.ForeignKey(
        Assignment,
        verbose_name=_("assignment"),
        on_delete=models.CASCADE,
        related_name="learner_assignments",
    )
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="course_assignments",
    )
    enrolment = models.ForeignKey(
        "courses.Enrolment",
        verbose_name=_("enrolment"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    created_at = models.DateTimeField(_("assigned at"), default=timezone.now)
    cycle = models.PositiveSmallIntegerField(
        _("cycle"), default=1, help_text=_("1, then 2, 3… for each recurrence.")
    )
    enrolment_cycle = models.PositiveSmallIntegerField(
        _("enrolment cycle"),
        default=1,
        help_text=_("The enrolment's cycle that completes this one."),
    )
    due_on = models.DateField(_("due date"))

    class Meta:
        verbose_name = _("learner assignment")
        verbose_name_plural = _("learner assignments")
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "learner", "cycle"],
                name="unique_learner_assignment_cycle",
            )
        ]

    def __str__(self):
        return f"{self.learner} · {self.assignment} (cycle {self.cycle})"


class ReminderStage(models.TextChoices):
    DUE_SOON = "due_soon", _("Due soon (learner)")
    OVERDUE = "overdue", _("Overdue (learner)")
    MANAGER_OVERDUE = "manager_overdue", _("Overdue (manager digest)")


class AssignmentReminder(models.Model):
    """One reminder stage sent about one learner's assignment, to one person.

    The unique constraint is what makes re-running the reminder command safe:
    a stage already logged for a learner assignment and recipient is skipped.
    """

    learner_assignment = models.ForeignKey(
        LearnerAssignment,
        verbose_name=_("learner assignment"),
        on_delete=models.CASCADE,
        related_name="reminders",
    )
    stage = models.CharField(_("stage"), max_length=20, choices=ReminderStage.choices)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)

    class Meta:
        verbose_name = _("assignment reminder")
        verbose_name_plural = _("assignment reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["learner_assignment", "stage", "recipient"],
                name="unique_assignment_reminder",
            )
        ]

    def __str__(self):
        return f"{self.learner_assignment_id}: {self.stage} → {self.recipient_id}"


class CharterReminder(models.Model):
    """One friendly email asking a person to acknowledge a charter's current version.

    At most one per person, version and period: ``period`` counts the
    reminder cadence (``RELAIS_CHARTER_REMINDER_DAYS``, never under a week)
    since the version was published. The unique constraint makes re-running
    the reminder command safe.
    """

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    version = models.ForeignKey(
        "courses.CharterVersion",
        verbose_name=_("charter version"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    period = models.PositiveIntegerField(_("period"))
    sent_at = models.DateTimeField(_("sent at"))

    class Meta:
        verbose_name = _("charter reminder")
        verbose_name_plural = _("charter reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "version", "period"],
                name="unique_charter_reminder",
            )
        ]

    def __str__(self):
        return f"{self.learner_id}: v{self.version_id} #{self.period}"


class CharterAudience(models.Model):
    """Who a charter applies to: everyone (the default) or the teams chosen for it.

    One row per charter, keyed on its ``translation_key`` so that every
    translation shares it; a charter without a row applies to everyone. The
    rule itself ("does this charter apply to this person?") lives in
    ``lms.teams.charters``. Set through ``services.charter_audience_set``,
    which writes the charter page's log. Deleting a team takes it out of the
    audiences; a charter whose chosen teams are all deleted applies to no one
    until a trainer chooses again.
    """

    charter_key = models.UUIDField(
        _("charter"),
        unique=True,
        help_text=_("The translation key shared by the charter's translations."),
    )
    everyone = models.BooleanField(
        _("applies to everyone"),
        default=True,
        help_text=_("When unticked, the charter applies only to the chosen teams."),
    )
    teams = models.ManyToManyField(
        Team,
        verbose_name=_("teams"),
        blank=True,
        related_name="charter_audiences",
        help_text=_("Their members, including people who join later."),
    )
    changed_at = models.DateTimeField(_("changed at"), default=timezone.now)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("charter audience")
        verbose_name_plural = _("charter audiences")

    def __str__(self):
        return f"{self.charter_key}: {'everyone' if self.everyone else 'teams'}"
