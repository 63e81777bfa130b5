"""Compile every .po catalogue of the project to .mo with polib.

Django's ``compilemessages`` needs GNU gettext's ``msgfmt``; a fresh machine
with only Python may lack it, so set-up compiles with polib (pure Python).
"""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand

SEARCH_ROOTS = ["locale", "courses/locale", "quizzes/locale", "lms/locale"]


class Command(BaseCommand):
    help = "Compile the project's .po files to .mo (no GNU gettext needed)."

    def handle(self, *args, **options):
        compiled = 0
        for root in SEARCH_ROOTS:
            for po_path in sorted(
                (Path(settings.BASE_DIR) / root).glob("*/LC_MESSAGES/*.po")
            ):
                polib.pofile(str(po_path)).save_as_mofile(
                    str(po_path.with_suffix(".mo"))
                )
                compiled += 1
        self.stdout.write(f"Compiled {compiled} catalogue(s).")
