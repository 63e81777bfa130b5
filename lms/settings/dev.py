"""Development settings: DEBUG on, demo users allowed, console email."""

from .base import *  # noqa: F403
from .base import os

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-change-me")
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]", "testserver"]
RELAIS_CREATE_DEMO_USERS = True

# `make demo` generates a development credential key here (never in git).
DEV_CREDENTIAL_KEY = BASE_DIR / "var" / "credentials" / "dev-ed25519.pem"  # noqa: F405
if not RELAIS_CREDENTIAL_SIGNING_KEY and DEV_CREDENTIAL_KEY.exists():  # noqa: F405
    RELAIS_CREDENTIAL_SIGNING_KEY = str(DEV_CREDENTIAL_KEY)
