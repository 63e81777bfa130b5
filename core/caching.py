"""Render caches of learner pages, keyed by the content version.

Learner pages cache what every visitor sees alike (the route to a page, its
rendered body, the course outline, the language links, a visitor's whole
page) with Django's cache framework: local memory in development, Redis in
production (``REDIS_URL``).

Three rules keep these caches from ever serving stale or someone else's
content:

1. **Every key holds the content version** (``ContentVersion``), a counter
   that the receivers below bump in the same transaction as any change a
   learner page shows: pages (publish, unpublish, move, delete, any save),
   view restrictions, sites, locales, images, documents, quizzes. A page
   request reads the version *first* (a signed-in learner's in the same
   query as their user, ``content_version_sql``; a visitor's with one
   primary-key query), so a change shows on the next request in every
   process, even when each gunicorn worker has its own local-memory cache
   that no receiver in another process could clear. Reading it first also
   means data read after it is at least as new as the version that keys it.
2. **Nothing that belongs to one person is cached**: enrolments, progress,
   names, CSRF tokens and messages are read per request. Visitors' whole
   pages are cached only for anonymous requests without messages whose
   rendering used no CSRF token.
3. **Previews never read or fill these caches** (``request.is_preview``):
   a preview renders the draft in memory.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.db import connection
from django.db.models import F
from django.utils.translation import get_language
from wagtail.models import Site

from core.models import ContentVersion

# A day: keys change with the content version, so the timeout only bounds
# how long unused entries occupy memory.
TIMEOUT = 24 * 60 * 60
_VERSION_ATTR = "_relais_content_version"
_MISSING = object()


def content_version(request=None) -> int:
    """The current content version, read once per request.

    Raw SQL on purpose: this runs on every learner page, and compiling the
    equivalent ORM query costs ten times the query itself.
    """
    if request is not None:
        memo = getattr(request, _VERSION_ATTR, None)
        if memo is not None:
            return memo
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            # Loading the request's user (lazy) may have brought the version.
            memo = getattr(request, _VERSION_ATTR, None)
            if memo is not None:
                return memo
    table = connection.ops.quote_name(ContentVersion._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT value FROM {table} WHERE id = 1")
        row = cursor.fetchone()
    value = row[0] if row else 0
    if request is not None:
        setattr(request, _VERSION_ATTR, value)
    return value


def content_version_sql() -> str:
    """The version as a scalar subquery, for the request's user query.

    ``core.auth.ModelBackend.get_user`` adds it to the one query that loads a
    signed-in user, at the start of the request, and hands the value over
    with ``carry_content_version``: a learner page then needs no query of its
    own for the version (one round trip less per page on PostgreSQL).
    """
    table = connection.ops.quote_name(ContentVersion._meta.db_table)
    return f"(SELECT value FROM {table} WHERE id = 1)"


def carry_content_version(user, value) -> None:
    """Attach the version read with ``user`` (see ``content_version_sql``)."""
    if value is not None:
        setattr(user, _VERSION_ATTR, value)


def take_content_version(request, user) -> None:
    """Move the version read with ``user`` onto ``request``, which loaded it.

    Called where the request's user is loaded
    (``core.auth.AuthenticationMiddleware``), so the version is read no later
    than a separate query would have been, and no user object ever carries
    it beyond the request that read it.
    """
    value = user.__dict__.pop(_VERSION_ATTR, None)
    if value is not None and getattr(request, _VERSION_ATTR, None) is None:
        setattr(request, _VERSION_ATTR, value)


def bump_content_version(**kwargs) -> None:
    """Invalidate every render cache at once (a signal receiver; kwargs ignored)."""
    if not ContentVersion.objects.filter(pk=1).update(value=F("value") + 1):
        ContentVersion.objects.get_or_create(pk=1, defaults={"value": 1})


def cache_key(kind: str, *parts: Any) -> str:
    """A cache key for ``kind`` and ``parts`` (hashed if long).

    The shared cache's ``KEY_PREFIX`` holds ``RELAIS_RELEASE``, so keys never
    outlive the templates of the release that filled them (settings.base).
    """
    raw = ":".join(str(part) for part in parts)
    if len(raw) > 150:
        raw = hashlib.md5(raw.encode(), usedforsecurity=False).hexdigest()
    return f"relais:{kind}:{raw}"


def cached(key: str, compute: Callable[[], Any], timeout: int = TIMEOUT) -> Any:
    """``cache.get(key)``, or ``compute()`` stored under ``key``."""
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = compute()
        cache.set(key, value, timeout)
    return value


def is_preview(request) -> bool:
    return bool(getattr(request, "is_preview", False))


@dataclass(frozen=True)
class RenderCache:
    """What an entry point lets the code it calls cache for every visitor alike.

    Built at the edge (a page's ``get_context``, a view) by
    :meth:`for_request`: keys hold the content version, the site and the
    language, so selectors handed a ``RenderCache`` never see the request.
    In preview, or without a request, it caches nothing (:data:`NO_CACHE`).
    """

    version: int | None
    site_id: int = 0
    language: str = ""

    @classmethod
    def for_request(cls, request) -> RenderCache:
        if request is None or is_preview(request):
            return NO_CACHE
        site = Site.find_for_request(request)
        return cls(content_version(request), site.pk if site else 0, get_language())

    def get(self, kind: str, *parts: Any, compute: Callable[[], Any]) -> Any:
        """``compute()``, cached under ``kind`` and ``parts`` when caching is on."""
        if self.version is None:
            return compute()
        key = cache_key(kind, self.version, *parts, self.site_id, self.language)
        return cached(key, compute)


NO_CACHE = RenderCache(version=None)
