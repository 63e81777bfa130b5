"""Development settings: DEBUG on, demo users allowed, console email."""

from .base import *  # noqa: F403
from .base import os

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-change-me")
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]", "testserver"]
RELAIS_CREATE_DEMO_USERS = True
