"""Production settings: PostgreSQL via DATABASE_URL, Redis cache, whitenoise.

Refuses to start without SECRET_KEY and ALLOWED_HOSTS. Demo users are never
created here.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import STORAGES, env_bool, env_list, os

DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured(
        "SECRET_KEY must be set in the environment for production."
    )
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "ALLOWED_HOSTS must be set in the environment for production "
        "(comma-separated host names)."
    )
RELAIS_CREATE_DEMO_USERS = False
if RELAIS_CREDENTIALS_ENABLED and not RELAIS_CREDENTIAL_SIGNING_KEY:  # noqa: F405
    raise ImproperlyConfigured(
        "RELAIS_CREDENTIAL_SIGNING_KEY must be set when credentials are on "
        "(an Ed25519 private key or its path; `manage.py credentials_key --generate "
        "PATH` makes one), or set RELAIS_CREDENTIALS_ENABLED=false."
    )

STORAGES = {
    **STORAGES,
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
WHITENOISE_MAX_AGE = 31536000  # hashed file names make far-future caching safe

# HTTPS. SECURE_SSL_REDIRECT can be switched off where a proxy terminates TLS
# and already redirects.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Media on S3-compatible object storage (AWS S3, MinIO, Scaleway, OVH…) when a
# bucket is configured, so app servers keep no state and can be scaled out.
# Needs the optional extra: pip install ".[s3]" (django-storages + boto3).
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "default_acl": None,
            "querystring_auth": True,  # certificate PDFs are private: signed URLs
            "file_overwrite": False,
        },
    }
