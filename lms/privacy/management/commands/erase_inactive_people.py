"""The retention policy (cron: daily): erase people inactive for N months.

Off unless RELAIS_RETENTION_INACTIVE_MONTHS is set (or --months given).
Staff and superusers are never erased this way.
"""

from django.conf import settings
from django.core.management.base import BaseCommand

from lms.privacy.services import people_erase_inactive


class Command(BaseCommand):
    help = "Erase the personal data of people inactive for N months (retention)."

    def add_arguments(self, parser):
        parser.add_argument("--months", type=int, default=None)

    def handle(self, *args, months=None, **options):
        months = settings.RELAIS_RETENTION_INACTIVE_MONTHS if months is None else months
        if months <= 0:
            self.stdout.write("Retention is off (RELAIS_RETENTION_INACTIVE_MONTHS).")
            return
        erased = people_erase_inactive(months=months)
        self.stdout.write(f"Erased {erased} people inactive for {months} months.")
