"""The queries behind the manager and trainer reports.

Every report starts from a selector here that takes the person asking
(``user``) and applies their scope in SQL before anything else: a manager's
rows are limited to the members of the teams they manage (see
``lms.teams.selectors.learner_in_scope_q``); trainers see everyone. Views,
filters and exports only ever narrow these querysets further, so the export
of a screen is exactly the screen's scope.

Each selector costs a fixed number of queries whatever the number of
learners: per-row figures are correlated subqueries or conditional
aggregates computed by the database, never Python loops issuing queries.

Figures follow the courses app's completion rule, read from where it is
defined (``courses.completion``): the current cycle of an enrolment counts, a
lesson counts when it is live and required, and the final quiz counts when
its kept grade (``quizzes.grades``, by the quiz's grading method) over the
cycle's attempts at any of its translations passes. Certificate states are
``courses.models.CertificateStatus``, or none.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import (
    Avg,
    Case,
    Count,
    DateTimeField,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courses.completion import (
    CompletionFacts,
    completion_annotations,
    required_lessons_count,
    with_current_completion,
)
from courses.models import (
    EXPIRING_SOON_DAYS,
    Certificate,
    CertificateStatus,
    CourseCompletion,
    CoursePage,
    Enrolment,
    EnrolmentSource,
    certificate_status_expression,
)
from lms.teams.access import can_view_all_reports, can_view_reports
from lms.teams.compliance import ComplianceStatus, compliance_expression
from lms.teams.models import Assignment, LearnerAssignment, Team
from lms.teams.selectors import (
    learner_in_scope_q,
    learner_in_team_q,
    managed_team_ids,
    teams_visible_to,
)

# The certificate register filters certificates expiring within these windows.
EXPIRY_WINDOWS = (30, 60, 90)
# The "completion rate per team" chart shows at most this many teams.
CHART_MAX_TEAMS = 40
# The "completions over time" chart covers this many months, this one included.
CHART_MONTHS = 12


class CompletionStatus:
    """Status of one learner's assigned course, as the matrix shows it.

    Completed wins over overdue: a course finished late is completed.
    """

    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    OVERDUE = "overdue"

    choices = [
        (NOT_STARTED, _("Not started")),
        (IN_PROGRESS, _("In progress")),
        (COMPLETED, _("Completed")),
        (OVERDUE, _("Overdue")),
    ]
    labels = dict(choices)


class CertificateState:
    """A learner's certificate in the reports: its ``CertificateStatus``, or none."""

    NONE = "none"
    VALID = CertificateStatus.VALID
    EXPIRING = CertificateStatus.EXPIRING
    EXPIRED = CertificateStatus.EXPIRED
    REVOKED = CertificateStatus.REVOKED
    ERASED = CertificateStatus.ERASED

    labels = {NONE: _("None"), **dict(CertificateStatus.choices)}


# --- Shared pieces ------------------------------------------------------------------


def assigned_course_ids() -> QuerySet:
    """Ids of the courses anyone was assigned (a subquery, not a list)."""
    return Assignment.objects.values("course_id")


def assigned_courses() -> QuerySet[CoursePage]:
    """Courses that appear in the reports' course filters, by title."""
    return CoursePage.objects.filter(pk__in=assigned_course_ids()).order_by("title")


@dataclass(frozen=True)
class CourseSteps:
    """What the completion rule counts of a course: required lessons, quiz, charter.

    The steps themselves are ``courses.completion.CompletionFacts.total_steps``.
    """

    required_lessons: int
    has_final_quiz: bool
    requires_charter: bool = False
    has_scenario: bool = False


def course_steps() -> dict[int, CourseSteps]:
    """Steps of every assigned course, in one query over a small table."""
    rows = (
        CoursePage.objects.filter(pk__in=assigned_course_ids())
        .annotate(required=required_lessons_count(course_ref=""))
        .values_list(
            "pk",
            "required",
            "final_quiz_id",
            "required_charter_id",
            "required_scenario_id",
        )
    )
    return {
        pk: CourseSteps(
            required_lessons=n,
            has_final_quiz=quiz_id is not None,
            requires_charter=charter_id is not None,
            has_scenario=scenario_id is not None,
        )
        for pk, n, quiz_id, charter_id, scenario_id in rows
    }


def _per_course(values: dict[int, int], field: str = "course_id"):
    """A SQL expression giving ``values[course_id]`` for each row (else 0)."""
    if not values:
        return Value(0, output_field=IntegerField())
    return Case(
        *(When(**{field: pk}, then=Value(n)) for pk, n in values.items()),
        default=Value(0),
        output_field=IntegerField(),
    )


def assigned_enrolments(*, user) -> QuerySet[Enrolment]:
    """Enrolments that come from an assignment, within ``user``'s scope.

    ``courses.services.enrol`` marks every enrolment an assignment reaches
    (new or existing) with ``source=ASSIGNMENT``; filtering on that column
    rather than joining a million learner assignments keeps the manager's
    queries proportional to their own people.
    """
    enrolments = Enrolment.objects.filter(source=EnrolmentSource.ASSIGNMENT)
    scope = learner_in_scope_q(user=user)
    return enrolments if scope is None else enrolments.filter(scope)


def annotate_progress(
    enrolments: QuerySet[Enrolment],
    *,
    today: datetime.date,
    now: datetime.datetime,
    steps: dict[int, CourseSteps] | None = None,
) -> QuerySet[Enrolment]:
    """Add the matrix's per-row figures to enrolments.

    Selected, each computed once per row by the database: ``completed_at``
    (a join), ``lessons_done`` and ``quiz_passed`` (the completion rule's
    figures, ``courses.completion``), ``quiz_score`` (the final quiz's kept
    grade, ``quizzes.grades``), ``quiz_awaiting`` (an attempt this cycle
    awaits a person's grading: the matrix says so, never the answer's text),
    ``certificate_state``, ``certificate_expires_at`` and ``compliance``
    (``lms.teams.compliance``). Aliased, for filters and sorting only:
    ``status`` and ``percent``. Referencing an annotation from another
    expression repeats its SQL, so the displayed status and percentage are
    derived from the selected figures by :func:`completion_figures`, through
    the rule's own ``CompletionFacts``.
    """
    steps = course_steps() if steps is None else steps
    figures = completion_annotations(
        required_lessons=_per_course(
            {pk: s.required_lessons for pk, s in steps.items()}
        )
    )
    # The learner's latest certificate for the course, whichever cycle issued
    # it: while recertifying, the certificate they hold is the earlier one.
    latest_certificate = (
        Certificate.objects.filter(
            learner=OuterRef("learner_id"), course=OuterRef("course_id")
        )
        .order_by("-issued_at", "-pk")
        .annotate(state=certificate_state(now=now))
    )
    completed = Q(current_completion__isnull=False)
    return (
        with_current_completion(enrolments)
        .annotate(
            completed_at=F("current_completion__completed_at"),
            lessons_done=figures["lessons_done"],
            quiz_score=figures["kept_score"],
            quiz_passed=figures["quiz_passed"],
            charter_acknowledged=figures["charter_acknowledged"],
            quiz_awaiting=figures["quiz_awaiting"],
            scenario_passed=figures["scenario_passed"],
            certificate_state=Coalesce(
                Subquery(latest_certificate.values("state")[:1]),
                Value(CertificateState.NONE),
            ),
            certificate_expires_at=Subquery(
                latest_certificate.values("expires_at")[:1],
                output_field=DateTimeField(),
            ),
            compliance=compliance_expression(today=today, now=now),
        )
        .alias(
            required_lessons=figures["required_lessons"],
            percent=figures["percent"],
            status=Case(
                When(completed, then=Value(CompletionStatus.COMPLETED)),
                When(due_on__lt=today, then=Value(CompletionStatus.OVERDUE)),
                When(
                    Q(lessons_done__gt=0)
                    | Q(quiz_score__isnull=False)
                    | Q(quiz_awaiting=True),
                    then=Value(CompletionStatus.IN_PROGRESS),
                ),
                default=Value(CompletionStatus.NOT_STARTED),
            ),
        )
    )


def completion_figures(
    row: dict, *, steps: dict[int, CourseSteps], today: datetime.date
) -> dict:
    """``status`` and ``percent`` of a matrix row, by the rule of the SQL aliases.

    Completed wins; then a due date in the past is overdue; a learner who did
    a required lesson or submitted the final quiz this cycle (graded or
    awaiting grading) is in progress.
    The percentage is the completion rule's (``CompletionFacts.percent``).
    """
    step = steps.get(row["course_id"]) or CourseSteps(0, False)
    facts = CompletionFacts(
        required_lessons=step.required_lessons,
        required_done=row["lessons_done"],
        has_final_quiz=step.has_final_quiz,
        quiz_passed=bool(row["quiz_passed"]),
        completion_recorded=row["completed_at"] is not None,
        charter_required=step.requires_charter,
        charter_acknowledged=bool(row["charter_acknowledged"]),
        has_scenario=step.has_scenario,
        scenario_passed=bool(row.get("scenario_passed")),
    )
    if facts.completion_recorded:
        status = CompletionStatus.COMPLETED
    elif row["due_on"] is not None and row["due_on"] < today:
        status = CompletionStatus.OVERDUE
    elif row["lessons_done"] or row["quiz_score"] is not None or row["quiz_awaiting"]:
        status = CompletionStatus.IN_PROGRESS
    else:
        status = CompletionStatus.NOT_STARTED
    return {"status": status, "percent": facts.percent}


def certificate_state(*, now: datetime.datetime) -> Case:
    """A certificate's :class:`CertificateState` as SQL (expiring soon included)."""
    return certificate_status_expression(
        now=now, expiring_within_days=EXPIRING_SOON_DAYS
    )


# --- 1. Completion matrix -----------------------------------------------------------

COMPLETION_FIELDS = (
    "pk",
    "learner_id",
    "learner__username",
    "learner__first_name",
    "learner__last_name",
    "learner__email",
    "learner__is_active",
    "course_id",
    "course__title",
    "due_on",
    "lessons_done",
    "quiz_passed",
    "charter_acknowledged",
    "scenario_passed",
    "quiz_score",
    "quiz_awaiting",
    "completed_at",
    "certificate_state",
    "certificate_expires_at",
    "compliance",
)


def completion_rows(
    *,
    user,
    today: datetime.date | None = None,
    now: datetime.datetime | None = None,
    steps: dict[int, CourseSteps] | None = None,
) -> QuerySet:
    """Learners × assigned courses in ``user``'s scope, one dict per row.

    Keys are :data:`COMPLETION_FIELDS`; :func:`completion_figures` adds the
    status and percentage. Filters (team, course, status, due dates) and
    ordering (any key, ``status`` and ``percent`` included) are applied by
    the caller on this queryset.
    """
    now = now or timezone.now()
    today = today or timezone.localdate(now)
    return annotate_progress(
        assigned_enrolments(user=user), today=today, now=now, steps=steps
    ).values(*COMPLETION_FIELDS)


def filter_by_teams(queryset: QuerySet, *, team_ids, learner_field="learner"):
    """Keep rows whose learner is in one of ``team_ids``."""
    return queryset.filter(
        learner_in_team_q(team_ids=team_ids, learner_field=learner_field)
    )


# --- 2. Team summary ----------------------------------------------------------------
#
# The summary needs only the current cycle's completion (a join), the due
# date and the final-quiz score recorded at completion: none of the per-row
# subqueries of the matrix, so it aggregates a million enrolments quickly.


def _team_enrolments(*, user, team: Team | None = None) -> QuerySet[Enrolment]:
    """Assigned enrolments joined to the visible teams of their learners.

    One row per (team, enrolment): a learner in two teams counts in both.
    The team join is the scope: a manager's rows are those of the members of
    the teams they manage (literal ids, see ``managed_team_ids``); ``team``
    narrows it to one team in the same join, so the rows stay one per (team,
    enrolment).
    """
    enrolments = with_current_completion(
        Enrolment.objects.filter(source=EnrolmentSource.ASSIGNMENT)
    )
    if can_view_all_reports(user):
        team_ids = None
    elif can_view_reports(user):
        team_ids = managed_team_ids(user)
    else:
        team_ids = []
    if team is not None:
        team_ids = [team.pk] if team_ids is None or team.pk in team_ids else []
    if team_ids is None:
        return enrolments.filter(learner__team_memberships__isnull=False)
    return enrolments.filter(learner__team_memberships__team_id__in=team_ids)


def summary_aggregates(*, today: datetime.date) -> dict:
    """Enrolments counted as the team summary counts them (also the admin home)."""
    done = Q(current_completion__isnull=False)
    return {
        "assigned": Count("pk"),
        "completed": Count("pk", filter=done),
        "overdue": Count("pk", filter=~done & Q(due_on__lt=today)),
        "average_score": Avg("current_completion__score_percent"),
    }


def compliance_aggregates(*, today: datetime.date, now: datetime.datetime) -> dict:
    """One count per :class:`ComplianceStatus`, keyed ``compliance_<status>``.

    For a queryset aliasing ``compliance`` (see :func:`team_summary_rows`).
    """
    return {
        f"compliance_{status}": Count("pk", filter=Q(compliance=status))
        for status in ComplianceStatus.values
    }


def team_summary_rows(
    *,
    user,
    team: Team | None = None,
    today: datetime.date | None = None,
    now: datetime.datetime | None = None,
) -> QuerySet:
    """Per team and course: assigned, completed, rate, overdue, average score.

    One dict per (team, course) in ``user``'s scope; ``rate`` is a percentage
    and ``average_score`` the mean final-quiz score recorded at completion.
    ``compliance_current``, ``compliance_due_soon``, ``compliance_overdue``
    and ``compliance_never_done`` count the learners in each compliance
    status (``lms.teams.compliance``). The queryset keeps the enrolment
    filters, so callers filter it by course or due date like the matrix.
    """
    now = now or timezone.now()
    today = today or timezone.localdate(now)
    return (
        _team_enrolments(user=user, team=team)
        .alias(compliance=compliance_expression(today=today, now=now))
        .values(
            team_id=F("learner__team_memberships__team_id"),
            team_name=F("learner__team_memberships__team__name"),
            course_title=F("course__title"),
        )
        .annotate(
            course_pk=F("course_id"),
            **summary_aggregates(today=today),
            **compliance_aggregates(today=today, now=now),
        )
        .annotate(
            rate=Case(
                When(assigned=0, then=Value(0)),
                default=F("completed") * 100 / F("assigned"),
                output_field=IntegerField(),
            )
        )
    )


def managed_team_overview(*, user, today: datetime.date | None = None) -> list[dict]:
    """Per team the user manages: assigned, completed, overdue (dashboard panel).

    Only the teams the user manages, even for a trainer: the panel is the
    manager's "at a glance"; trainers have the team summary. Active people
    only, like the reports' default (leavers are in the reports on request).
    """
    today = today or timezone.localdate()
    aggregates = summary_aggregates(today=today)
    del aggregates["average_score"]
    return list(
        with_current_completion(
            Enrolment.objects.filter(source=EnrolmentSource.ASSIGNMENT)
        )
        .filter(
            learner__team_memberships__team_id__in=managed_team_ids(user),
            learner__is_active=True,
        )
        .values(
            team_id=F("learner__team_memberships__team_id"),
            team_name=F("learner__team_memberships__team__name"),
        )
        .annotate(**aggregates)
        .order_by("team_name")
    )


def completion_rate(completed: int, total: int) -> int:
    """Whole percentage completed, rounded down, as ``team_summary_rows``' SQL."""
    return completed * 100 // total if total else 0


@dataclass(frozen=True)
class TeamRate:
    """One bar of the "completion rate per team" chart."""

    team: str
    assigned: int
    completed: int

    @property
    def rate(self) -> int:
        return int(self.completed * 100 / self.assigned) if self.assigned else 0


def team_completion_rates(rows, *, limit: int = CHART_MAX_TEAMS):
    """Completion rate per team, summed from team summary rows (no query).

    Returns ``(rates, total_teams)``: the teams by name when they all fit,
    else the ``limit`` teams with the lowest rate (those needing attention).
    """
    totals: dict[int, list] = {}
    for row in rows:
        total = totals.setdefault(row["team_id"], [row["team_name"], 0, 0])
        total[1] += row["assigned"]
        total[2] += row["completed"]
    rates = [TeamRate(name, assigned, done) for name, assigned, done in totals.values()]
    if len(rates) <= limit:
        return sorted(rates, key=lambda r: r.team.casefold()), len(rates)
    lowest = sorted(rates, key=lambda r: (r.rate, r.team.casefold()))[:limit]
    return lowest, len(rates)


@dataclass(frozen=True)
class MonthCount:
    """One point of the "completions over time" chart."""

    month: datetime.date
    count: int


def _month_starts(now: datetime.datetime, months: int) -> list[datetime.date]:
    first = timezone.localtime(now).date().replace(day=1)
    starts = [first]
    for _i in range(months - 1):
        starts.insert(0, (starts[0] - datetime.timedelta(days=1)).replace(day=1))
    return starts


def completions_by_month(
    enrolments: QuerySet[Enrolment],
    *,
    now: datetime.datetime | None = None,
    months: int = CHART_MONTHS,
) -> list[MonthCount]:
    """Completions per month over the last ``months`` months, zeros included.

    ``enrolments`` is the scoped, filtered enrolment queryset (one row per
    enrolment, no team join, so nobody counts twice). One pass over the
    completions with one conditional count per month: comparing timestamps
    is far cheaper than truncating each one to a month in the time zone.
    """
    now = now or timezone.now()
    starts = _month_starts(now, months)
    bounds = [
        timezone.make_aware(datetime.datetime.combine(day, datetime.time()))
        for day in starts
    ]
    bounds.append(now + datetime.timedelta(seconds=1))
    counts = CourseCompletion.objects.filter(
        enrolment__in=enrolments.values("pk"),
        completed_at__gte=bounds[0],
        completed_at__lt=bounds[-1],
    ).aggregate(
        **{
            f"m{index}": Count(
                "pk",
                filter=Q(
                    completed_at__gte=bounds[index],
                    completed_at__lt=bounds[index + 1],
                ),
            )
            for index in range(months)
        }
    )
    return [MonthCount(day, counts[f"m{index}"]) for index, day in enumerate(starts)]


@dataclass(frozen=True)
class MonthCompliance:
    """One month of the "compliance over time" chart, at the month's end."""

    month: datetime.date
    assigned: int
    current: int
    overdue: int

    @property
    def current_share(self) -> int:
        return completion_rate(self.current, self.assigned)

    @property
    def overdue_share(self) -> int:
        return completion_rate(self.overdue, self.assigned)


def compliance_by_month(
    enrolments: QuerySet[Enrolment],
    *,
    now: datetime.datetime | None = None,
    months: int = CHART_MONTHS,
) -> list[MonthCompliance]:
    """Compliance at the end of each of the last ``months`` months (now for this one).

    ``enrolments`` is the scoped, filtered enrolment queryset. Each learner's
    assignment cycle in force at a month's end (started by then, not yet
    followed by a later cycle) counts once: *current* when the enrolment had
    completed that cycle (or a later one) by then, *overdue* when not and its
    due date had passed. These are the first two steps of the compliance
    rule (``lms.teams.compliance``) replayed at each date; certificates are
    not replayed, so a month's "neither" share mixes due soon and never done.
    One query: two correlated subqueries per row, then conditional counts.
    """
    now = now or timezone.now()
    starts = _month_starts(now, months)
    ends = [
        timezone.make_aware(datetime.datetime.combine(day, datetime.time()))
        for day in starts[1:]
    ] + [now]
    end_days = starts[1:] + [timezone.localdate(now)]
    done_at = (
        CourseCompletion.objects.filter(
            enrolment=OuterRef("enrolment"), cycle__gte=OuterRef("enrolment_cycle")
        )
        .order_by("completed_at")
        .values("completed_at")[:1]
    )
    superseded_at = (
        LearnerAssignment.objects.filter(
            assignment=OuterRef("assignment"),
            learner=OuterRef("learner"),
            cycle__gt=OuterRef("cycle"),
        )
        .order_by("created_at")
        .values("created_at")[:1]
    )
    rows = LearnerAssignment.objects.filter(
        enrolment__in=enrolments.values("pk"), created_at__lt=ends[-1]
    ).annotate(
        done_at=Subquery(done_at, output_field=DateTimeField()),
        superseded_at=Subquery(superseded_at, output_field=DateTimeField()),
    )
    counts = {}
    for index, (end, end_day) in enumerate(zip(ends, end_days, strict=True)):
        in_force = Q(created_at__lt=end) & (
            Q(superseded_at__isnull=True) | Q(superseded_at__gte=end)
        )
        done = Q(done_at__lt=end)
        counts[f"a{index}"] = Count("pk", filter=in_force)
        counts[f"c{index}"] = Count("pk", filter=in_force & done)
        counts[f"o{index}"] = Count(
            "pk",
            filter=in_force
            & (Q(done_at__isnull=True) | Q(done_at__gte=end))
            & Q(due_on__lt=end_day),
        )
    totals = rows.aggregate(**counts)
    return [
        MonthCompliance(
            month=day,
            assigned=totals[f"a{index}"],
            current=totals[f"c{index}"],
            overdue=totals[f"o{index}"],
        )
        for index, day in enumerate(starts)
    ]


def scoped_enrolments(*, user, team: Team | None = None) -> QuerySet[Enrolment]:
    """Assigned enrolments in scope, one row each (for the time series)."""
    enrolments = assigned_enrolments(user=user)
    if team is not None:
        enrolments = filter_by_teams(enrolments, team_ids=[team.pk])
    return enrolments


# --- 4. Certificate register ---------------------------------------------------------

CERTIFICATE_FIELDS = (
    "pk",
    "learner_id",
    "holder_name",
    "learner__email",
    "learner__is_active",
    "course_id",
    "course_title",
    "completed_on",
    "issued_at",
    "expires_at",
    "revoked_at",
    "state",
    "score_percent",
)


def certificate_rows(*, user, now: datetime.datetime | None = None) -> QuerySet:
    """Certificates of ``user``'s people with their state; one dict per row.

    ``state`` is a :class:`CertificateState` value; "expiring" means valid
    and expiring within ``EXPIRING_SOON_DAYS``, as on the learner's dashboard.
    """
    now = now or timezone.now()
    certificates = Certificate.objects.all()
    scope = learner_in_scope_q(user=user)
    if scope is not None:
        certificates = certificates.filter(scope)
    return certificates.annotate(state=certificate_state(now=now)).values(
        *CERTIFICATE_FIELDS
    )


def certificate_window_q(days: int, *, now: datetime.datetime) -> Q:
    """Valid certificates expiring within ``days`` days."""
    return Q(
        revoked_at__isnull=True,
        expires_at__gt=now,
        expires_at__lte=now + datetime.timedelta(days=days),
    )


def team_choices(*, user) -> QuerySet[Team]:
    """The teams the filters offer ``user``: exactly the teams in their scope."""
    return teams_visible_to(user=user)
