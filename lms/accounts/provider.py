"""The configured OpenID Connect provider: is it set up, does it answer.

Configuration comes from settings (``RELAIS_OIDC_*``, read from the
environment). The provider's discovery document gives every endpoint, so one
URL is enough whatever the provider (Entra ID, Google Workspace, Okta,
Keycloak). It is fetched with a short timeout and cached for a minute, the
answer "down" included: a login page never waits on a dead provider more than
once a minute.
"""

import logging

import requests
from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

WELL_KNOWN = "/.well-known/openid-configuration"
CACHE_SECONDS = 60
REQUIRED = ("issuer", "authorization_endpoint", "token_endpoint", "jwks_uri")
DEFAULT_BUTTON_TEXT = _("Sign in with your organisation")


def oidc_configured() -> bool:
    """Whether an issuer, a client id and a client secret are all set."""
    return bool(
        settings.RELAIS_OIDC_ISSUER
        and settings.RELAIS_OIDC_CLIENT_ID
        and settings.RELAIS_OIDC_CLIENT_SECRET
    )


def discovery_url() -> str:
    """The discovery document's URL: the setting, or the issuer + well-known."""
    url = settings.RELAIS_OIDC_ISSUER.strip()
    return url if url.endswith(WELL_KNOWN) else url.rstrip("/") + WELL_KNOWN


def _cache_key() -> str:
    return f"relais:oidc-discovery:{discovery_url()}"


def provider_metadata() -> dict | None:
    """The provider's discovery document, or None when unset or unreachable."""
    if not oidc_configured():
        return None
    cached = cache.get(_cache_key())
    if cached is not None:
        return cached or None
    metadata = _fetch()
    cache.set(_cache_key(), metadata or {}, CACHE_SECONDS)
    return metadata


def provider_forget() -> None:
    """Drop the cached discovery document (tests, and after a config change)."""
    cache.delete(_cache_key())


def _fetch() -> dict | None:
    try:
        response = requests.get(
            discovery_url(), timeout=settings.RELAIS_OIDC_DISCOVERY_TIMEOUT
        )
        response.raise_for_status()
        metadata = response.json()
    except (requests.RequestException, ValueError) as error:
        logger.warning("OpenID Connect discovery failed: %s", error)
        return None
    if not isinstance(metadata, dict) or not all(metadata.get(k) for k in REQUIRED):
        logger.warning("OpenID Connect discovery document lacks %s", REQUIRED)
        return None
    return metadata


def button_text() -> str:
    """The sign-in button's text in the active language (configurable)."""
    language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    texts = settings.RELAIS_OIDC_BUTTON_TEXT
    return texts.get(language) or str(DEFAULT_BUTTON_TEXT)
