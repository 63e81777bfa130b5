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
# Company sign-in: without RELAIS_OIDC_* in the environment, the test provider
# that `make demo` starts on 127.0.0.1:8001 (tests/oidc_provider). The login
# page shows its button only while it answers.
if not os.environ.get("RELAIS_OIDC_ISSUER"):
    RELAIS_OIDC_ISSUER = "http://127.0.0.1:8001/o"
    RELAIS_OIDC_CLIENT_ID = OIDC_RP_CLIENT_ID = "relais-demo"
    RELAIS_OIDC_CLIENT_SECRET = OIDC_RP_CLIENT_SECRET = "relais-demo-secret"
