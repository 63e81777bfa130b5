"""Settings shared by every environment.

Configuration comes from the environment; see the README's "Configuration"
table for every variable. Environment-specific layers (dev, test, production)
import this module and override what differs.
"""

import os
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
AUTHENTICATION_BACKENDS = ["core.auth.ModelBackend"]

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

# Teams, assignments and manager reports (lms.teams, lms.reports).
INSTALLED_APPS += ["lms.teams", "lms.reports"]
# The demo sits above every app (it builds through their services): last.
INSTALLED_APPS += ["demo"]
# Rows per report page, and rows fetched per database round trip by exports.
RELAIS_REPORT_PAGE_SIZE = int(os.environ.get("RELAIS_REPORT_PAGE_SIZE", "50"))
RELAIS_EXPORT_CHUNK_SIZE = int(os.environ.get("RELAIS_EXPORT_CHUNK_SIZE", "2000"))
# `send_assignment_reminders` reminds learners this many days before the due date.
RELAIS_ASSIGNMENT_REMINDER_DAYS = int(
    os.environ.get("RELAIS_ASSIGNMENT_REMINDER_DAYS", "7")
)
