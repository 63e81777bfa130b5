"""Email assignment reminders; run it daily from cron.

    manage.py send_assignment_reminders --days 7

First, recurring assignments start the new cycles now due (see
start_assignment_cycles), so a new cycle's reminders go out in the same run.
Learners whose assigned course is due within N days, or overdue, get a
reminder; managers get a digest of their people newly overdue. Each stage is
sent once per learner and assignment, so running the command again (or
twice a day) sends nothing twice. People who have not acknowledged a
charter's current version get a friendly reminder every
RELAIS_CHARTER_REMINDER_DAYS days (at least a week apart).
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from lms.teams.reminders import assignment_reminders_send, charter_reminders_send
from lms.teams.services import assignment_cycles_start


class Command(BaseCommand):
    help = (
        "Remind learners of assigned courses due within --days days or overdue, "
        "and send managers a digest of their overdue people. Safe to re-run."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=settings.RELAIS_ASSIGNMENT_REMINDER_DAYS,
            help="Remind learners this many days before the due date "
            "(default: RELAIS_ASSIGNMENT_REMINDER_DAYS).",
        )

    def handle(self, *args, days: int, **options):
        if days < 0:
            raise CommandError("--days must be 0 or more.")
        cycles = assignment_cycles_start()
        self.stdout.write(f"Started {cycles.started} new assignment cycle(s).")
        run = assignment_reminders_send(days=days)
        self.stdout.write(
            f"Queued {run.due_soon} due-soon and {run.overdue} overdue reminder(s), "
            f"and {run.digests} manager digest(s) listing {run.digest_lines} "
            "overdue learner(s)."
        )
        charters = charter_reminders_send()
        self.stdout.write(f"Queued {charters} charter reminder(s).")
