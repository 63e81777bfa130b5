"""Start the new cycles of recurring assignments; run it daily from cron.

    manage.py start_assignment_cycles [--date 2027-01-31]

Every N months after a cycle's due date, or when the learner's certificate
expires, a recurring assignment gives each learner a new cycle with its own
due date. Safe to re-run: a cycle already started is not started again.
send_assignment_reminders runs this first, so a daily reminder run is enough.
"""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from lms.teams.services import assignment_cycles_start


class Command(BaseCommand):
    help = (
        "Start the new cycles of recurring assignments now due (every N months, "
        "or on certificate expiry). Safe to re-run."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--date",
            help="Act as on this day (YYYY-MM-DD, default: today), e.g. to catch up.",
        )

    def handle(self, *args, date=None, **options):
        now = timezone.now()
        if date:
            try:
                day = datetime.date.fromisoformat(date)
            except ValueError:
                raise CommandError(
                    "--date must be a date such as 2027-01-31."
                ) from None
            now = timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))
        run = assignment_cycles_start(now=now)
        self.stdout.write(
            f"Started {run.started} new cycle(s) over {run.checked} learner "
            "assignment(s) checked."
        )
