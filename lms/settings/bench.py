"""Benchmark settings: production settings over plain HTTP on 127.0.0.1.

Everything that matters for speed is as in production (DEBUG off, cached_db
sessions, persistent connections, whitenoise with hashed static files); only
the HTTPS redirect and secure-cookie flags are off because wrk speaks HTTP.
"""

import os

os.environ.setdefault("SECRET_KEY", "bench-only-" + "k" * 50)
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
# The page benchmarks issue no credentials: no signing key to provide.
os.environ.setdefault("RELAIS_CREDENTIALS_ENABLED", "false")

from .production import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
RELAIS_CREATE_DEMO_USERS = False
