"""Demo teams: two teams of 30 learners with varied, realistic progress.

``load_demo`` calls :func:`seed_demo_teams`; it is re-runnable (a team that
already has its assignment is left as it is). Everything goes through the
services a real learner's actions would use (enrolment, lesson completion,
quiz attempts, certificate revocation), replayed at past moments (each
service's ``now=``) so that the reports and charts have a history to show:

* "Service client – Montréal" (managed by the demo manager) was assigned the
  course four months ago, due a week ago: most finished, some late, some
  never started, so the overdue filter and the digest have people to show;
* "Communications – Québec" was assigned six weeks ago, due in three weeks.

Demo learners have no email address, so loading the demo sends them nothing,
and no password, so nobody can sign in as them.
"""

from __future__ import annotations

import datetime
import math
import random
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils import timezone, translation

from core.people import person_language_set
from courses.models import Certificate
from courses.selectors import canonical_page, course_lessons
from courses.services import certificate_revoke, lesson_complete
from demo.progress import grade_essays
from lms.teams.access import MANAGERS_GROUP
from lms.teams.models import Recurrence, Team
from lms.teams.services import (
    assignment_create,
    team_create,
    team_manager_add,
    team_member_add,
)
from quizzes.grading import InvalidResponse
from quizzes.models import Question
from quizzes.services import attempt_start, attempt_submit

FIRST_NAMES = [
    "Émilie", "Olivier", "Camille", "William", "Léa", "Thomas", "Chloé", "Samuel",
    "Rosalie", "Félix", "Florence", "Gabriel", "Juliette", "Nathan", "Maëlle",
    "Antoine", "Zoé", "Louis", "Béatrice", "Jérémie", "Alice", "Mathis", "Sarah",
    "Xavier", "Noémie", "Raphaël", "Laurence", "Étienne", "Clara", "Hugo",
]  # fmt: skip
LAST_NAMES = [
    "Tremblay", "Gagnon", "Roy", "Côté", "Bouchard", "Gauthier", "Morin",
    "Lavoie", "Fortin", "Gagné", "Ouellet", "Pelletier", "Bélanger", "Lévesque",
    "Bergeron", "Leblanc", "Paquette", "Girard", "Simard", "Boucher", "Caron",
    "Beaulieu", "Cloutier", "Dubé", "Poirier", "Fournier", "Lapointe", "Leclerc",
    "Lefebvre", "Poulin",
]  # fmt: skip

# Trainers see every team and may edit teams and assignments.
TRAINER_TEAM_PERMISSIONS = [
    ("team", "view_all_reports"),
    ("team", "add_team"),
    ("team", "change_team"),
    ("team", "delete_team"),
    ("team", "view_team"),
    ("assignment", "add_assignment"),
    ("assignment", "view_assignment"),
    ("assignment", "delete_assignment"),
]


@dataclass(frozen=True)
class DemoTeam:
    """How one demo team's story goes."""

    name: str
    slug: str
    assigned_days_ago: int
    due_in_days: int
    #: shares of learners who completed, are part-way, never started
    completed: float
    in_progress: float
    managed_by_demo_manager: bool
    #: a yearly refresher: the assignment recurs every this many months
    recurrence_months: int | None = None


DEMO_TEAMS = [
    DemoTeam("Service client – Montréal", "mtl", 120, -7, 0.6, 0.25, True, 12),
    DemoTeam("Communications – Québec", "qc", 45, 21, 0.3, 0.4, False),
]
TEAM_SIZE = 30


def _learner(team: DemoTeam, index: int):
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=f"demo-{team.slug}-{index + 1:02d}",
        defaults={
            "first_name": FIRST_NAMES[index % len(FIRST_NAMES)],
            "last_name": LAST_NAMES[(index * 7 + len(team.slug)) % len(LAST_NAMES)],
            "email": "",
        },
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
        # The demo teams work in French (Montréal, Québec).
        person_language_set(user=user, language="fr")
    return user


def _wrong_response(question, presentation):
    """A plausible wrong answer: another option of a choice question, else none."""
    for option in presentation.get("options", []):
        for candidate in (option.get("id"), [option.get("id")]):
            try:
                if question.grade(candidate).fraction < 1:
                    return candidate
            except (InvalidResponse, TypeError, ValueError, KeyError):
                continue  # not a response this question type reads: try the next
    return None


def _take_quiz(
    *,
    quiz,
    learner,
    ability: float,
    rng: random.Random,
    now: datetime.datetime,
    grader=None,
) -> bool:
    """One attempt through the quiz services at ``now``; harder questions later.

    An essay is written when a ``grader`` (a demo trainer) is there to grade
    it, at once and with every top level or every lowest one; else it is
    left blank (worth nothing, and nobody's queue grows).
    """
    attempt = attempt_start(quiz=quiz, learner=learner, now=now)
    responses = {}
    rows = list(attempt.attempt_questions.order_by("slot"))
    for index, row in enumerate(rows):
        question = Question.from_snapshot(row.snapshot)
        difficulty = -1.0 + 2.5 * index / max(len(rows) - 1, 1)
        chance = 1 / (1 + math.exp(-(ability - difficulty) * 1.7))
        key = question.key_response()
        if question.grade(key).needs_person and grader is None:
            responses[row.slot] = None
        elif rng.random() < chance:
            responses[row.slot] = key
        else:
            responses[row.slot] = _wrong_response(question, row.presentation)
    attempt = attempt_submit(
        attempt=attempt, responses=responses, sequence=attempt.sequence, now=now
    )
    if attempt.is_awaiting_grading:
        good = rng.random() < 1 / (1 + math.exp(-ability * 1.7))
        grade_essays(
            attempt=attempt,
            grader=grader,
            levels=lambda question: {
                key: index if good else 0
                for key, index in question.key_decision()["levels"].items()
            },
            feedback="",
            now=now,
        )
        attempt.refresh_from_db()
    return attempt.passed


def _play(*, enrolment, lessons, quiz, profile, start, end, rng, grader=None):
    """Replay one learner's progress between ``start`` and ``end``."""
    learner = enrolment.learner
    ability = rng.gauss(0.8 if profile == "completed" else 0.0, 0.9)
    part = rng.randint(1, max(1, len(lessons) - 1))
    todo = lessons if profile == "completed" else lessons[:part]
    moments = sorted(start + (end - start) * rng.random() for _ in range(len(todo) + 3))
    for lesson, moment in zip(todo, moments, strict=False):
        lesson_complete(enrolment=enrolment, lesson=lesson, now=moment)
    if quiz is None:
        return
    tries = 3 if profile == "completed" else rng.choice([0, 0, 1])
    for attempt_moment in moments[len(todo) : len(todo) + tries]:
        if _take_quiz(
            quiz=quiz,
            learner=learner,
            ability=ability,
            rng=rng,
            now=attempt_moment,
            grader=grader,
        ):
            return
        ability += 1.0  # they revised before trying again


def _grant_trainers_team_permissions(trainers: Group) -> None:
    for model, codename in TRAINER_TEAM_PERMISSIONS:
        trainers.permissions.add(
            Permission.objects.get(
                content_type__app_label="teams",
                content_type__model=model,
                codename=codename,
            )
        )


def _seed_team(spec: DemoTeam, *, course, manager, now, seed: int, grader=None) -> Team:
    rng = random.Random(seed)
    start = now - datetime.timedelta(days=spec.assigned_days_ago)
    learners = [_learner(spec, index) for index in range(TEAM_SIZE)]
    team = team_create(name=spec.name, now=start)
    if spec.managed_by_demo_manager and manager is not None:
        team_manager_add(team=team, manager=manager)
    for learner in learners:
        team_member_add(team=team, learner=learner, now=start)
    assignment = assignment_create(
        course=course,
        due_on=timezone.localdate(now) + datetime.timedelta(days=spec.due_in_days),
        team=team,
        now=start,
        recurrence=Recurrence.MONTHS if spec.recurrence_months else Recurrence.NONE,
        recurrence_months=spec.recurrence_months,
    )
    lessons = course_lessons(course=course)
    quiz = course.final_quiz if course.final_quiz_id else None
    profiles = ["completed"] * round(TEAM_SIZE * spec.completed) + [
        "in_progress"
    ] * round(TEAM_SIZE * spec.in_progress)
    profiles += ["not_started"] * (TEAM_SIZE - len(profiles))
    rng.shuffle(profiles)
    reached = {
        item.learner_id: item.enrolment
        for item in assignment.learner_assignments.select_related(
            "enrolment__course", "enrolment__learner"
        )
    }
    end = now - datetime.timedelta(hours=1)
    for learner, profile in zip(learners, profiles, strict=True):
        if profile == "not_started":
            continue
        _play(
            enrolment=reached[learner.pk],
            lessons=lessons,
            quiz=quiz,
            profile=profile,
            start=start + datetime.timedelta(days=2),
            end=end,
            rng=rng,
            grader=grader,
        )
    return team


def _revoke_one(team: Team, *, by) -> None:
    """Revoke one certificate, so the register shows every status."""
    certificate = (
        Certificate.objects.filter(
            learner__team_memberships__team=team, revoked_at__isnull=True
        )
        .order_by("issued_at", "pk")
        .first()
    )
    if certificate is not None:
        certificate_revoke(
            certificate=certificate,
            reason="Démo : certificat délivré par erreur (mauvais compte).",
            by=by,
        )


@transaction.atomic
def seed_demo_teams(
    *,
    course,
    manager=None,
    trainers: Group | None = None,
    now: datetime.datetime | None = None,
) -> dict[str, Team]:
    """Create (once) the two demo teams, their assignment and their history.

    ``course`` is the demo course (any translation); ``manager`` (may be
    None when demo users are off) manages the first team and joins the
    "Managers" group; ``trainers`` (the loader's group, if any) get to see
    and edit teams. The story ends at ``now`` (default: the current time).
    Returns the teams by name.
    """
    course = canonical_page(course)
    now = now or timezone.now()
    if trainers is not None:
        _grant_trainers_team_permissions(trainers)
    if manager is not None:
        manager.groups.add(Group.objects.get(name=MANAGERS_GROUP))
    # The demo trainer grades the teams' essays, when there is one.
    grader = trainers.user_set.order_by("pk").first() if trainers else None
    teams = {}
    for index, spec in enumerate(DEMO_TEAMS):
        existing = Team.objects.filter(name=spec.name).first()
        if existing is not None and existing.assignments.exists():
            if spec.managed_by_demo_manager and manager is not None:
                team_manager_add(team=existing, manager=manager)
            teams[spec.name] = existing
            continue
        with translation.override(course.locale.language_code):
            team = _seed_team(
                spec,
                course=course,
                manager=manager,
                now=now,
                seed=2026 + index,
                grader=grader,
            )
            if spec.managed_by_demo_manager:
                _revoke_one(team, by=manager)
        teams[spec.name] = team
    return teams
