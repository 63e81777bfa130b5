"""Background tasks (django-tasks): the reminder emails of assignments.

Tasks take primary keys and re-read their rows, so any backend can queue
them; a row deleted meanwhile means there is nothing to send. The reminder
service enqueues them on commit.
"""

from django.contrib.auth import get_user_model
from django_tasks import task

from lms.teams import emails
from lms.teams.models import AssignmentReminder, CharterReminder
from lms.teams.services import assignment_cycles_start


@task()
def send_assignment_reminder(reminder_id: int) -> bool:
    """Remind a learner of an assignment due soon, or overdue."""
    reminder = (
        AssignmentReminder.objects.select_related(
            "recipient",
            "learner_assignment__enrolment",
            "learner_assignment__assignment__course",
        )
        .filter(pk=reminder_id)
        .first()
    )
    return bool(reminder) and emails.send_assignment_reminder(reminder=reminder)


@task()
def send_manager_digest(manager_id: int, reminder_ids: list[int]) -> bool:
    """Send a manager the list of their people newly overdue."""
    manager = get_user_model().objects.filter(pk=manager_id).first()
    reminders = list(
        AssignmentReminder.objects.filter(pk__in=reminder_ids, recipient_id=manager_id)
        .select_related(
            "learner_assignment__learner", "learner_assignment__assignment__course"
        )
        .order_by("learner_assignment__due_on", "pk")
    )
    return bool(manager and reminders) and emails.send_manager_digest(
        manager=manager, reminders=reminders
    )


@task()
def send_charter_reminder(reminder_id: int) -> bool:
    """Remind a person, kindly, to read and acknowledge the charter."""
    reminder = (
        CharterReminder.objects.select_related("learner", "version")
        .filter(pk=reminder_id)
        .first()
    )
    return bool(reminder) and emails.send_charter_reminder(reminder=reminder)


@task()
def start_assignment_cycles() -> int:
    """Start the recurring assignments' new cycles now due (for a task worker)."""
    return assignment_cycles_start().started
