"""Cron (daily): delete uploaded people files left at their dry run.

An applied file's content is emptied when it is applied; one never applied
still lists names and emails, and goes RELAIS_PEOPLE_IMPORT_KEEP_DAYS days
after its upload (or --days).
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from lms.onboarding.services import people_imports_purge


class Command(BaseCommand):
    help = "Delete uploaded people files never applied, N days after upload."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None)

    def handle(self, *args, days=None, **options):
        days = settings.RELAIS_PEOPLE_IMPORT_KEEP_DAYS if days is None else days
        if days < 1:
            raise CommandError("--days must be at least 1.")
        deleted = people_imports_purge(keep_days=days)
        self.stdout.write(f"Deleted {deleted} people files never applied.")
