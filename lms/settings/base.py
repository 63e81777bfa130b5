"""Settings shared by every environment.

Configuration comes from the environment; see the README's "Configuration"
table for every variable. Environment-specific layers (dev, test, production)
import this module and override what differs.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    """Read a boolean from the environment ("1", "true", "yes", "on")."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    """Read a comma-separated list from the environment."""
    return [
        item.strip()
        for item in os.environ.get(name, default).split(",")
        if item.strip()
    ]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "core",
    "lms",
    "courses",
    "scenarios",
    "quizzes",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.simple_translation",
    "wagtail.locales",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "polymorphic",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    # Django's, plus the content version read with the user (core.auth).
    "core.auth.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Turns a locked-out login into the "try again at" page (lms.accounts).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "lms.urls"
WSGI_APPLICATION = "lms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: DATABASE_URL, defaulting to the embedded SQLite file.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "600")),
        # Off by default, as in Django: on PostgreSQL a health check is one
        # more round trip ("SELECT 1") at the start of every request. Without
        # it, a connection broken by a database restart fails one request and
        # is then dropped (Django closes connections that errored).
        conn_health_checks=os.environ.get("CONN_HEALTH_CHECKS", "").lower()
        in ("1", "true", "yes"),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers and one writer work at once; a busy timeout makes a
    # concurrent writer wait instead of failing at once.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }

elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Server-side binding lets psycopg prepare a query after it ran five times
    # on a connection, so PostgreSQL plans the queries every page repeats (the
    # user, the content version, progress) once per connection instead of on
    # every request. Set DB_SERVER_SIDE_BINDING=false behind a PgBouncer in
    # transaction mode without prepared-statement support.
    if os.environ.get("DB_SERVER_SIDE_BINDING", "true").lower() not in (
        "0",
        "false",
        "no",
    ):
        DATABASES["default"].setdefault("OPTIONS", {}).update(
            server_side_binding=True, prepare_threshold=5
        )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation."
        "UserAttributeSimilarityValidator"
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Django's ModelBackend, with each request's user (and whether they may see
# the admin) loaded in one plain query: see core/auth.py.
# LoginThrottle (django-axes) refuses locked-out passwords first;
# LocalAccountsGate refuses every password when RELAIS_LOCAL_ACCOUNTS is off;
# the company sign-in backend answers only the OpenID Connect callback
# (lms/accounts/backends.py).
AUTHENTICATION_BACKENDS = [
    "lms.accounts.backends.LoginThrottle",
    "lms.accounts.backends.LocalAccountsGate",
    "core.auth.ModelBackend",
    "lms.accounts.backends.CompanySignInBackend",
]

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

# Internationalisation: French first (the language of the material), English second.
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("French")), ("en", _("English"))]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "America/Toronto")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static_collected"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Cache: local memory unless REDIS_URL is set (production). Set RELAIS_RELEASE
# per deployment (e.g. the git commit): it prefixes every key of the shared
# cache, so render caches never outlive the templates that made them.
RELAIS_RELEASE = os.environ.get("RELAIS_RELEASE", "")
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"IGNORE_EXCEPTIONS": True},
            # Per release, so a shared cache never serves fragments rendered by
            # the previous release's templates (sessions fall back to the DB).
            "KEY_PREFIX": f"relais:{RELAIS_RELEASE}" if RELAIS_RELEASE else "relais",
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "relais",
            # Room for sessions and the render caches of learner pages.
            "OPTIONS": {"MAX_ENTRIES": 20000},
        }
    }


# Sessions live in the cache and fall back to the database: no query per
# request once a session is warm, and no lost logins if the cache is flushed.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# Email: the console backend unless EMAIL_URL-style settings are given.
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Relais <relais@localhost>")

# Background work: django-tasks. Immediate by default; the database backend
# (with `manage.py db_worker`) in production.
TASKS = {
    "default": {
        "BACKEND": os.environ.get(
            "TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"
        )
    }
}

# Wagtail
WAGTAIL_SITE_NAME = "Relais"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = [
    "csv",
    "docx",
    "key",
    "odt",
    "pdf",
    "pptx",
    "rtf",
    "txt",
    "xlsx",
    "zip",
]
# Wagtail's default image formats plus SVG, for drawings such as the demo's
# illustrations. Templates ask for renditions with "preserve-svg", so an SVG
# is resized as SVG rather than sent to a raster format. An SVG file can carry
# script: only people trusted to publish may upload images, and the files are
# shown through <img>, which runs none.
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp", "svg"]
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# No Gravatar: it would send a hash of each person's email outside the
# organisation. The admin shows the uploaded avatar or Wagtail's default one.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Certificates name the issuing organisation; reports and LinkedIn use it too.
RELAIS_ORGANISATION_NAME = os.environ.get("RELAIS_ORGANISATION_NAME", "Relais")
RELAIS_CREATE_DEMO_USERS = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Courses ↔ quizzes: quizzes asks courses who may take a quiz and where its
# page links back to (quizzes knows nothing of courses).
RELAIS_QUIZ_ACCESS_POLICY = "courses.access.can_take_quiz"
RELAIS_QUIZ_RETURN_LINK = "courses.access.quiz_return_link"
RELAIS_QUIZ_CONTENT_VERSION = "core.caching.content_version"
# Courses ↔ teams: courses asks teams who a charter applies to (everyone, or
# the members of chosen teams) for the dashboard's reminder.
RELAIS_CHARTER_AUDIENCE = "lms.teams.charters.charter_applies_q"

# Teams, assignments and manager reports (lms.teams, lms.reports).
# The cross-cutting apps, bottom layer first (docs/ARCHITECTURE.md). Sign-in:
# company sign-in, password reset, login throttling (lms.accounts, axes).
INSTALLED_APPS += [
    "lms.teams",
    "lms.accounts",
    "lms.onboarding",
    "lms.credentials",
    "lms.xapi",
    "lms.grading",
    "lms.reports",
    "lms.privacy",
    "axes",
]
# The demo sits above every app (it builds through their services): last.
INSTALLED_APPS += ["demo"]
# Rows per report page, and rows fetched per database round trip by exports.
RELAIS_REPORT_PAGE_SIZE = int(os.environ.get("RELAIS_REPORT_PAGE_SIZE", "50"))
RELAIS_EXPORT_CHUNK_SIZE = int(os.environ.get("RELAIS_EXPORT_CHUNK_SIZE", "2000"))
# `send_assignment_reminders` reminds learners this many days before the due date.
RELAIS_ASSIGNMENT_REMINDER_DAYS = int(
    os.environ.get("RELAIS_ASSIGNMENT_REMINDER_DAYS", "7")
)

# Open Badges 3.0 credentials beside certificates (lms.credentials). The
# signing key is an Ed25519 private key, as a PEM file's path or the PEM
# itself; earlier keys (comma-separated) stay published so that credentials
# they signed keep verifying after a rotation. Without a key, no credential is
# issued and the downloads are hidden (production refuses to start instead).
RELAIS_CREDENTIALS_ENABLED = env_bool("RELAIS_CREDENTIALS_ENABLED", True)
RELAIS_CREDENTIAL_SIGNING_KEY = os.environ.get("RELAIS_CREDENTIAL_SIGNING_KEY", "")
RELAIS_CREDENTIAL_RETIRED_KEYS = env_list("RELAIS_CREDENTIAL_RETIRED_KEYS")

# xAPI 1.0.3 statements to a Learning Record Store (lms.xapi): the LRS's xAPI
# endpoint (e.g. https://lrs.example.org/xAPI) and HTTP basic credentials.
# Unset: nothing is recorded.
RELAIS_XAPI_ENDPOINT = os.environ.get("RELAIS_XAPI_ENDPOINT", "")
RELAIS_XAPI_USERNAME = os.environ.get("RELAIS_XAPI_USERNAME", "")
RELAIS_XAPI_PASSWORD = os.environ.get("RELAIS_XAPI_PASSWORD", "")
RELAIS_XAPI_BATCH_SIZE = int(os.environ.get("RELAIS_XAPI_BATCH_SIZE", "200"))

# Retention (lms.privacy): erase people inactive for this many months, daily
# through `manage.py erase_inactive_people`. 0 (the default) is off.
RELAIS_RETENTION_INACTIVE_MONTHS = int(
    os.environ.get("RELAIS_RETENTION_INACTIVE_MONTHS", "0")
)
# --- Sign-in (lms.accounts) ----------------------------------------------------
# Company sign-in with OpenID Connect: shown when the issuer (or its discovery
# URL), the client id and the client secret are set and the provider answers.
RELAIS_OIDC_ISSUER = os.environ.get("RELAIS_OIDC_ISSUER", "")
RELAIS_OIDC_CLIENT_ID = os.environ.get("RELAIS_OIDC_CLIENT_ID", "")
RELAIS_OIDC_CLIENT_SECRET = os.environ.get("RELAIS_OIDC_CLIENT_SECRET", "")
# Which claims carry each field (empty: not read).
RELAIS_OIDC_CLAIMS = {
    "email": os.environ.get("RELAIS_OIDC_CLAIM_EMAIL", "email"),
    "first_name": os.environ.get("RELAIS_OIDC_CLAIM_FIRST_NAME", "given_name"),
    "last_name": os.environ.get("RELAIS_OIDC_CLAIM_LAST_NAME", "family_name"),
    "language": os.environ.get("RELAIS_OIDC_CLAIM_LANGUAGE", "locale"),
    "groups": os.environ.get("RELAIS_OIDC_CLAIM_GROUPS", "groups"),
}
RELAIS_OIDC_BUTTON_TEXT = {
    "fr": os.environ.get("RELAIS_OIDC_BUTTON_TEXT_FR", ""),
    "en": os.environ.get("RELAIS_OIDC_BUTTON_TEXT_EN", ""),
}
# Seconds the login page waits for the discovery document (cached a minute).
RELAIS_OIDC_DISCOVERY_TIMEOUT = float(
    os.environ.get("RELAIS_OIDC_DISCOVERY_TIMEOUT", "2")
)
# Off: only company sign-in; passwords and password reset are refused.
RELAIS_LOCAL_ACCOUNTS = env_bool("RELAIS_LOCAL_ACCOUNTS", True)
# mozilla-django-oidc: endpoints come from discovery (lms.accounts.provider).
OIDC_RP_CLIENT_ID = RELAIS_OIDC_CLIENT_ID
OIDC_RP_CLIENT_SECRET = RELAIS_OIDC_CLIENT_SECRET
OIDC_RP_SCOPES = os.environ.get("RELAIS_OIDC_SCOPES", "openid email profile")
OIDC_RP_SIGN_ALGO = os.environ.get("RELAIS_OIDC_SIGN_ALGO", "RS256")
OIDC_USE_PKCE = True
OIDC_USE_NONCE = True
OIDC_TIMEOUT = 10
LOGIN_REDIRECT_URL_FAILURE = "login"

# Login throttling (django-axes): after RELAIS_LOGIN_FAILURE_LIMIT wrong
# passwords for one username from one address, that pair waits
# RELAIS_LOGIN_COOLOFF_MINUTES.
AXES_FAILURE_LIMIT = int(os.environ.get("RELAIS_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(
    minutes=int(os.environ.get("RELAIS_LOGIN_COOLOFF_MINUTES", "15"))
)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "lms.accounts.throttling.lockout_response"
AXES_WHITELIST_CALLABLE = "lms.accounts.throttling.not_a_password_attempt"
AXES_VERBOSE = False
# Wagtail's own admin password reset follows the local-accounts switch.
WAGTAIL_PASSWORD_RESET_ENABLED = RELAIS_LOCAL_ACCOUNTS
# Quizzes › Import (quizzes.interchange): the largest question file, in bytes,
# and the most questions one file may hold.
RELAIS_QUESTION_IMPORT_MAX_BYTES = int(
    os.environ.get("RELAIS_QUESTION_IMPORT_MAX_BYTES", str(10 * 2**20))
)
RELAIS_QUESTION_IMPORT_MAX_QUESTIONS = int(
    os.environ.get("RELAIS_QUESTION_IMPORT_MAX_QUESTIONS", "500")
)
# People who have not acknowledged a charter's current version get a friendly
# email every this many days (never more often than weekly: below 7 counts as 7).
RELAIS_CHARTER_REMINDER_DAYS = int(os.environ.get("RELAIS_CHARTER_REMINDER_DAYS", "14"))
# Largest people file (CSV or XLSX) accepted, in megabytes.
RELAIS_PEOPLE_IMPORT_MAX_MB = int(os.environ.get("RELAIS_PEOPLE_IMPORT_MAX_MB", "5"))
# An uploaded people file never applied is deleted this many days after upload.
RELAIS_PEOPLE_IMPORT_KEEP_DAYS = int(
    os.environ.get("RELAIS_PEOPLE_IMPORT_KEEP_DAYS", "7")
)
