"""Close timed attempts whose time is up; run it every few minutes from cron.

Attempts are also closed when their learner next opens them, so this only
makes sure results (and course completion) do not wait for that visit.
"""

from django.core.management.base import BaseCommand

from quizzes.services import attempt_close_expired


class Command(BaseCommand):
    help = "Submit every in-progress quiz attempt whose time limit has passed."

    def handle(self, *args, **options):
        closed = attempt_close_expired()
        self.stdout.write(f"Closed {closed} expired attempt(s).")
