"""Reminders: assignments due soon or overdue, managers' digests, the charter.

Each stage is logged in ``AssignmentReminder`` *before* its email is queued,
inside the same transaction, under a unique constraint (learner assignment,
stage, recipient). Re-running the command, or two runs at once, therefore
never send a stage twice; a crash before commit sends nothing and logs
nothing, so the next run retries.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from core.db import get_or_create
from lms.teams.models import (
    AssignmentReminder,
    CharterReminder,
    LearnerAssignment,
    ReminderStage,
)
from lms.teams.selectors import (
    charter_reminders_due,
    learner_assignments_to_remind,
    managers_of_learners,
)
from lms.teams.tasks import (
    send_assignment_reminder,
    send_charter_reminder,
    send_manager_digest,
)

CHUNK_SIZE = 500


@dataclass(frozen=True)
class ReminderRun:
    """What one run queued: learner emails by stage, and manager digests."""

    due_soon: int = 0
    overdue: int = 0
    digests: int = 0
    digest_lines: int = 0


def _on_commit_enqueue(task, **kwargs) -> None:
    transaction.on_commit(lambda: task.enqueue(**kwargs))


def _learner_stage(item: LearnerAssignment, today: datetime.date) -> str:
    if item.due_on < today:
        return ReminderStage.OVERDUE
    return ReminderStage.DUE_SOON


def _already_sent(item: LearnerAssignment, stage: str, recipient_id: int) -> bool:
    return any(
        reminder.stage == stage and reminder.recipient_id == recipient_id
        for reminder in item.reminders.all()
    )


def _log(item: LearnerAssignment, stage: str, recipient_id: int, now):
    """Log a stage; the reminder row when this call logged it, else None."""
    with transaction.atomic():
        reminder, created = get_or_create(
            AssignmentReminder,
            {"learner_assignment": item, "stage": stage, "recipient_id": recipient_id},
            {"sent_at": now},
        )
    return reminder if created else None


@transaction.atomic
def assignment_reminders_send(
    *, days: int, today: datetime.date | None = None
) -> ReminderRun:
    """Queue every reminder now due, each stage once per learner and assignment.

    Learners whose assignment is due within ``days`` days get a "due soon"
    email; learners past the due date get an "overdue" one (a late first run
    sends only that). Each manager gets one digest listing their people newly
    overdue since their last digest. Emails go out after commit, in each
    recipient's language.
    """
    now = timezone.now()
    today = today or timezone.localdate(now)
    counts = {ReminderStage.DUE_SOON: 0, ReminderStage.OVERDUE: 0}
    overdue: list[LearnerAssignment] = []
    candidates = learner_assignments_to_remind(today=today, days=days)
    for item in candidates.iterator(chunk_size=CHUNK_SIZE):
        stage = _learner_stage(item, today)
        if stage == ReminderStage.OVERDUE:
            overdue.append(item)
        if _already_sent(item, stage, item.learner_id):
            continue
        reminder = _log(item, stage, item.learner_id, now)
        if reminder is not None:
            _on_commit_enqueue(send_assignment_reminder, reminder_id=reminder.pk)
            counts[stage] += 1

    managers = managers_of_learners(learner_ids={item.learner_id for item in overdue})
    new_lines: dict[int, list[int]] = defaultdict(list)
    for item in overdue:
        for manager_id in sorted(managers.get(item.learner_id, ())):
            if _already_sent(item, ReminderStage.MANAGER_OVERDUE, manager_id):
                continue
            reminder = _log(item, ReminderStage.MANAGER_OVERDUE, manager_id, now)
            if reminder is not None:
                new_lines[manager_id].append(reminder.pk)
    for manager_id, reminder_ids in new_lines.items():
        _on_commit_enqueue(
            send_manager_digest, manager_id=manager_id, reminder_ids=reminder_ids
        )
    return ReminderRun(
        due_soon=counts[ReminderStage.DUE_SOON],
        overdue=counts[ReminderStage.OVERDUE],
        digests=len(new_lines),
        digest_lines=sum(len(ids) for ids in new_lines.values()),
    )


#: Charter reminders are friendly and rare: never more often than weekly.
MIN_CHARTER_CADENCE_DAYS = 7


def charter_cadence_days(days: int | None = None) -> int:
    """The charter reminders' cadence: ``days`` or the setting, at least a week."""
    days = settings.RELAIS_CHARTER_REMINDER_DAYS if days is None else days
    return max(days, MIN_CHARTER_CADENCE_DAYS)


@transaction.atomic
def charter_reminders_send(
    *, now: datetime.datetime | None = None, cadence_days: int | None = None
) -> int:
    """Queue a friendly reminder to each person who has not acknowledged a
    charter's current version, once per cadence period; returns how many.

    Logged in ``CharterReminder`` before the email is queued (after commit),
    so a re-run or two runs at once send nothing twice. Never blocks anything.
    """
    now = now or timezone.now()
    queued = 0
    for person, version, period in charter_reminders_due(
        now=now, cadence_days=charter_cadence_days(cadence_days)
    ):
        with transaction.atomic():
            reminder, created = get_or_create(
                CharterReminder,
                {"learner": person, "version": version, "period": period},
                {"sent_at": now},
            )
        if created:
            _on_commit_enqueue(send_charter_reminder, reminder_id=reminder.pk)
            queued += 1
    return queued
