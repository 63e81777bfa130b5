"""Test settings: fast hashing, in-memory email, temporary media.

The database comes from DATABASE_URL like everywhere else, so the same
suite runs on SQLite (default) and PostgreSQL (CI's second run).
"""

import tempfile
from pathlib import Path

from lms.credentials.keys import generate_private_key_pem

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = tempfile.mkdtemp(prefix="relais-test-media-")
RELAIS_CREATE_DEMO_USERS = True
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
WAGTAILADMIN_BASE_URL = "http://testserver"
# A fresh credential key per test run: keys never sit in the repository.
RELAIS_CREDENTIAL_SIGNING_KEY = generate_private_key_pem().decode()
RELAIS_CREDENTIAL_RETIRED_KEYS = []

# SQLite tests use a file, not memory: Django's live server shares an
# in-memory database's single connection across threads, which would let two
# concurrent browser requests see each other's uncommitted work. A file gives
# each thread its own connection and real BEGIN IMMEDIATE isolation.
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": str(Path(tempfile.mkdtemp(prefix="relais-test-db-")) / "test.sqlite3")
    }
