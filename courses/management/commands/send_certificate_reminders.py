"""Queue "your certificate expires soon" emails; run it daily from cron.

    python manage.py send_certificate_reminders

Each certificate gets each reminder stage (60, 30 and 7 days before expiry by
default) at most once, however often the command runs; a late run sends only
the most urgent stage reached. The emails go through django-tasks.
"""

from django.core.management.base import BaseCommand, CommandError

from courses.services import REMINDER_STAGES, certificate_reminders_send


class Command(BaseCommand):
    help = "Email learners whose certificates expire soon (each stage once)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--stages",
            default=",".join(str(days) for days in REMINDER_STAGES),
            help="Days before expiry, comma-separated (default: %(default)s).",
        )

    def handle(self, *args, stages: str, **options):
        try:
            days = tuple(
                sorted({int(item) for item in stages.split(",")}, reverse=True)
            )
        except ValueError as error:
            raise CommandError(f"--stages must be whole numbers: {stages!r}") from error
        if not days or min(days) < 1:
            raise CommandError("--stages must be positive numbers of days.")
        queued = certificate_reminders_send(stages=days)
        self.stdout.write(f"Queued {queued} certificate reminder(s).")
