"""Serving Wagtail pages with the site and route looked up once per content version.

``serve`` replaces ``wagtail.views.serve`` in the URLconf and then calls it,
so Wagtail's hooks (view restrictions first) and ``Page.serve`` run as usual.
Before that it fills the two per-request caches that Wagtail documents on
``Site.find_for_request`` (``request._wagtail_site``) and
``Page.route_for_request`` (``request._wagtail_route_for_request``) from the
render cache. On a warm cache a page request makes no query for the site,
the locale, the tree walk or the page's view restrictions; the restrictions
are still checked on every request, against the request's own user or
session (see ``core.caching`` for the keys and why they are never stale).

``serve_for_visitor`` caches a whole page for anonymous visitors, whose
pages are the same for all of them. ``serve_with_personal_parts`` caches a
signed-in learner's page as a skeleton shared by every learner, with markers
where the template says ``{% personal "…" %}`` and where a form holds its
CSRF token; each request renders only those parts (name, progress,
messages) and puts in its own CSRF token.
"""

from __future__ import annotations

import re

from django.contrib import messages
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.template import engines
from django.template.loader import render_to_string
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language
from wagtail.models import Page, Site

from core.caching import cache_key, cached, content_version, is_preview

_RESTRICTIONS_ATTR = "_relais_view_restrictions"


def _route_entry(request, path: str):
    """(site, route result, view restrictions) as Wagtail computes them."""
    site = Site.find_for_request(request)
    route = Page.route_for_request(request, path)
    if route is None:
        return None
    restrictions = list(route.page.get_view_restrictions().prefetch_related("groups"))
    # The parents route() attached would triple what every request unpickles.
    route.page.__dict__.pop("_cached_parent_obj", None)
    return site, route, restrictions


def serve(request, path: str):
    """Wagtail's ``serve`` view, with its site and route primed from the cache."""
    # Page models import this module while the app registry loads them, and
    # wagtail.views needs the registry loaded: a cycle through model loading.
    from wagtail import views as wagtail_views

    if request.method in ("GET", "HEAD"):
        key = cache_key(
            "route",
            content_version(request),
            request.get_host(),
            request.get_port(),
            get_language(),
            path,
        )
        entry = cached(key, lambda: _route_entry(request, path))
        if entry is not None:
            site, route, restrictions = entry
            request._wagtail_site = site
            request._wagtail_route_for_request = route
            setattr(route.page, _RESTRICTIONS_ATTR, restrictions)
    return wagtail_views.serve(request, path)


class CachedViewRestrictionsMixin:
    """Pages served by ``serve`` carry their view restrictions, loaded with the route.

    Wagtail's ``check_view_restrictions`` hook still calls
    ``get_view_restrictions()`` and checks each restriction against the
    request; only the query that finds them is saved.
    """

    def get_view_restrictions(self):
        known = getattr(self, _RESTRICTIONS_ATTR, None)
        if known is not None:
            return known
        return super().get_view_restrictions()


def _visitor_page_cacheable(page, request) -> bool:
    return (
        request.method == "GET"
        and not is_preview(request)
        and not request.user.is_authenticated
        and not getattr(page, _RESTRICTIONS_ATTR, True)  # known, and none
        and not len(messages.get_messages(request))
    )


def serve_for_visitor(page, request, serve_page, *args, **kwargs):
    """``serve_page(request)``, cached whole for anonymous visitors.

    Only when the page has no view restriction, the visitor has no pending
    message, and rendering used no CSRF token (a token belongs to one
    browser). The key holds the content version, site, language and path.
    """
    if not _visitor_page_cacheable(page, request):
        return serve_page(request, *args, **kwargs)
    key = cache_key(
        "visit",
        content_version(request),
        page.pk,
        request.get_host(),
        get_language(),
        request.get_full_path(),
    )
    html = cache.get(key)
    if html is not None:
        request.is_preview = False
        response = HttpResponse(html)
    else:
        response = serve_page(request, *args, **kwargs)
        if hasattr(response, "render"):
            response.render()
        if (
            response.status_code == 200
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        ):
            cache.set(key, response.content)
    patch_vary_headers(response, ("Cookie",))
    return response


# Written by {% personal %} (lms.templatetags.relais_tags) in a skeleton.
_PERSONAL = re.compile("\x00relais-personal:([\\w./-]+)\x00")
# A skeleton is rendered with this as its ``csrf_token``: ``{% csrf_token %}``
# writes it where each request's own masked token goes.
CSRF_MARKER = "\x00relais-csrf\x00"
_CSRF_INPUT = f'<input type="hidden" name="csrfmiddlewaretoken" value="{CSRF_MARKER}">'
_SEPARATOR = "\x1f"
_PARTS_TEMPLATES: dict = {}


def _render_parts(names: tuple, context: dict, request) -> dict | None:
    """The personal templates ``names`` rendered in one go, by name.

    One template that includes them all, separated, so the context processors
    run once. None if a part's output contained the separator itself.
    """
    parts = _PARTS_TEMPLATES.get(names)
    if parts is None:
        parts = _PARTS_TEMPLATES[names] = engines["django"].from_string(
            _SEPARATOR.join(f'{{% include "{name}" %}}' for name in names)
        )
    rendered = parts.render(context, request).split(_SEPARATOR)
    return (
        dict(zip(names, rendered, strict=True)) if len(rendered) == len(names) else None
    )


def serve_with_personal_parts(page, request, serve_page, *args, **kwargs):
    """A signed-in visitor's page: the shared skeleton plus their personal parts.

    The skeleton is the page rendered with ``relais_skeleton`` set, so every
    ``{% personal %}`` leaves a marker; it is cached per content version,
    page, site, language, path and ``page.skeleton_variant(context)`` (what
    changes its structure, e.g. whether the lesson can be read and is done).
    Its forms hold ``CSRF_MARKER`` instead of a token, and it must hold no
    other CSRF token (else it is not cached). Each request then renders the
    marked templates with its own context, fills the markers in one pass and
    puts its own masked CSRF token in every form.
    Only for GET outside previews; anything else is ``serve_page``.
    """
    if request.method != "GET" or is_preview(request):
        return serve_page(request, *args, **kwargs)
    request.is_preview = False  # as Page.serve sets it
    context = page.get_context(request, *args, **kwargs)
    template_name = page.get_template(request, *args, **kwargs)
    site = Site.find_for_request(request)
    key = cache_key(
        "skeleton",
        context["content_version"],
        page.pk,
        site.pk if site else 0,
        get_language(),
        template_name,
        page.skeleton_variant(context),
        request.get_full_path(),
    )
    skeleton = cache.get(key)
    if skeleton is None:
        skeleton = render_to_string(
            template_name,
            {**context, "relais_skeleton": True, "csrf_token": CSRF_MARKER},
            request,
        )
        if "csrfmiddlewaretoken" in skeleton.replace(_CSRF_INPUT, ""):
            return serve_page(request, *args, **kwargs)  # a token not from the tag
        cache.set(key, skeleton)
    names = tuple(dict.fromkeys(_PERSONAL.findall(skeleton)))
    parts = _render_parts(names, context, request) if names else {}
    if parts is None:
        return serve_page(request, *args, **kwargs)
    html = _PERSONAL.sub(lambda match: parts[match[1]], skeleton)
    if CSRF_MARKER in html:
        # One masked token for the page's forms, as one render of the page
        # gets from the csrf context processor.
        html = html.replace(CSRF_MARKER, get_token(request))
    return HttpResponse(html)
