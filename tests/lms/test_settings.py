"""Production settings: refuse to start misconfigured, pass the deploy checklist."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from lms.credentials.keys import generate_private_key_pem

ROOT = Path(__file__).resolve().parents[2]
DEPLOY_ENV = {
    "SECRET_KEY": "k3y-" + "x9Q2!vLp" * 8,
    "ALLOWED_HOSTS": "relais.example.org",
    "DATABASE_URL": "sqlite:////tmp/relais-deploy-check.sqlite3",
    # Open Badges are on by default, and production needs their signing key.
    "RELAIS_CREDENTIAL_SIGNING_KEY": generate_private_key_pem().decode(),
}


def _run(args, env):
    # A deployment's environment: none of the test session's own switches
    # (the browser tests set DJANGO_ALLOW_ASYNC_UNSAFE for Playwright).
    dropped = {
        "SECRET_KEY",
        "ALLOWED_HOSTS",
        "DJANGO_ALLOW_ASYNC_UNSAFE",
        "RELAIS_CREDENTIAL_SIGNING_KEY",
    }
    base = {k: v for k, v in os.environ.items() if k not in dropped}
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env={**base, "DJANGO_SETTINGS_MODULE": "lms.settings.production", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("missing", "message"),
    [
        ("SECRET_KEY", "SECRET_KEY must be set"),
        ("ALLOWED_HOSTS", "ALLOWED_HOSTS must be set"),
        ("RELAIS_CREDENTIAL_SIGNING_KEY", "RELAIS_CREDENTIAL_SIGNING_KEY must be set"),
    ],
    ids=["secret-key", "allowed-hosts", "credential-key"],
)
def test_production_refuses_to_start_without(missing, message):
    env = {k: v for k, v in DEPLOY_ENV.items() if k != missing}
    result = _run(["manage.py", "check"], env)
    assert result.returncode != 0
    assert message in result.stderr


def test_check_deploy_is_clean_with_a_real_deployment_env():
    result = _run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"], DEPLOY_ENV
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_never_creates_demo_users():
    result = _run(
        [
            "-c",
            "import django; django.setup(); from django.conf import settings; "
            "print(settings.RELAIS_CREATE_DEMO_USERS, settings.DEBUG)",
        ],
        DEPLOY_ENV,
    )
    assert result.stdout.strip() == "False False", result.stderr


def test_migrations_are_complete():
    result = subprocess.run(
        [sys.executable, "manage.py", "makemigrations", "--check", "--dry-run"],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "lms.settings.test"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, "{'server_side_binding': True, 'prepare_threshold': 5} False"),
        (
            {"DB_SERVER_SIDE_BINDING": "false", "CONN_HEALTH_CHECKS": "true"},
            "{} True",
        ),
    ],
    ids=["default", "pgbouncer-and-health-checks"],
)
def test_postgresql_prepares_repeated_queries_unless_told_not_to(env, expected):
    code = (
        "from django.conf import settings; db = settings.DATABASES['default'];"
        "print(db.get('OPTIONS', {}), db['CONN_HEALTH_CHECKS'])"
    )
    result = _run(
        ["-c", f"import django; django.setup(); {code}"],
        {
            **DEPLOY_ENV,
            "DATABASE_URL": "postgres://relais@db.internal:5432/relais",
            "DB_SERVER_SIDE_BINDING": "",
            "CONN_HEALTH_CHECKS": "",
            **env,
        },
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == expected
