"""Make or describe the issuer's Ed25519 signing key.

    manage.py credentials_key --generate var/credentials/dev-ed25519.pem
    manage.py credentials_key --generate PATH --if-missing   (make demo)
    manage.py credentials_key                                 (the DID and key ids)

Keys live in files or the environment, never in the database. To rotate: make
a new key, point RELAIS_CREDENTIAL_SIGNING_KEY at it, and add the old one to
RELAIS_CREDENTIAL_RETIRED_KEYS so credentials it signed keep verifying.
"""

import os
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from lms.credentials import documents
from lms.credentials.keys import generate_private_key_pem, published_keys


class Command(BaseCommand):
    help = "Generate an Ed25519 credential signing key, or show the published keys."

    def add_arguments(self, parser):
        parser.add_argument("--generate", metavar="PATH", help="write a new key here")
        parser.add_argument(
            "--if-missing", action="store_true", help="keep an existing key file"
        )

    def handle(self, *args, generate=None, if_missing=False, **options):
        if generate:
            path = Path(generate)
            if path.exists():
                if if_missing:
                    return
                raise CommandError(f"{path} exists: refusing to replace a key.")
            path.parent.mkdir(parents=True, exist_ok=True)
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(generate_private_key_pem())
            self.stdout.write(f"Wrote a new Ed25519 key to {path}")
            return
        self.stdout.write(f"Issuer: {documents.issuer_did()}")
        for key in published_keys():
            state = "signing" if key.current else "retired"
            self.stdout.write(f"  {documents.key_id(key)} ({state})")
