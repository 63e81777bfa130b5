"""Template helpers shared by every app's templates."""

from dataclasses import dataclass
from functools import lru_cache

from django import template
from django.conf import settings
from django.core.cache import cache
from django.template.loader_tags import IncludeNode
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info
from wagtail.admin.templatetags.wagtailuserbar import wagtailuserbar
from wagtail.models import Page, Site

from core.auth import may_access_admin
from core.caching import cache_key, cached, content_version, is_preview

register = template.Library()


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str


@lru_cache(maxsize=4096)
def _translated_path(path: str, code: str, active: str) -> str:
    """``translate_url`` (a resolve and a reverse), remembered per process.

    The URLconf does not change while the process runs, so the answer depends
    only on the path, the target language and the active one (i18n prefixes
    resolve in the active language). Bounded, so odd query strings cannot
    grow it without limit.
    """
    return translate_url(path, code)


def _language_links(request, page) -> list[LanguageLink]:
    translations = {}
    if page is not None and getattr(page, "pk", None):
        for translation in (
            page.get_translations(inclusive=True).live().select_related("locale")
        ):
            translations[translation.locale.language_code] = translation.get_url(
                request
            )
    links = []
    for code, _name in settings.LANGUAGES:
        url = translations.get(code) or _translated_path(
            request.get_full_path(), code, get_language()
        )
        links.append(
            LanguageLink(code, get_language_info(code)["name_local"].capitalize(), url)
        )
    return links


@register.simple_tag(takes_context=True)
def language_links(context) -> list[LanguageLink]:
    """One link per language that keeps the visitor on the same page.

    For a Wagtail page the link goes to its translation when there is one
    (translated slugs differ), else to the same path in the other language.
    On a live page the links are cached per content version (core.caching).
    """
    request = context["request"]
    page = context.get("page")
    if not isinstance(page, Page) or is_preview(request):
        return _language_links(request, page)
    site = Site.find_for_request(request)
    key = cache_key(
        "languages",
        content_version(request),
        page.pk,
        site.pk if site else 0,
        get_language(),
        request.get_full_path(),
    )
    return cached(key, lambda: _language_links(request, page))


@register.simple_tag(takes_context=True)
def relais_userbar(context, position="bottom-right"):
    """Wagtail's user bar, for editors only; no query for anyone else.

    ``{% wagtailuserbar %}`` asks every signed-in user's permissions (two
    queries) before deciding to show nothing to a learner; the answer comes
    with the user here (``core.auth``).
    """
    request = context.get("request")
    if request is None or not may_access_admin(getattr(request, "user", None)):
        return ""
    return wagtailuserbar(context, position)


# A day: fragment keys change with the content version, so the timeout only
# bounds how long unused fragments occupy the cache.
FRAGMENT_TIMEOUT = 24 * 60 * 60


class PageFragmentNode(template.Node):
    """A fragment of a learner page, cached per page, site, language and version.

    Like Wagtail's ``{% wagtailpagecache %}``, keyed by the content version
    instead of the page's own cache key (any change to the page bumps the
    version), and cheaper: the key needs no hashing. Cached only where the
    context holds ``content_version`` (learner pages, see
    ``courses.models.pages.LearnerPage``) and never in preview; elsewhere it
    simply renders, so ``base.html`` can cache parts that depend on blocks a
    page fills without views that are not pages ever getting a stale fragment.
    A view that is not a page opts in by putting ``content_version`` and a
    ``fragment_scope`` in its context: a string naming everything its blocks
    show in the fragment (e.g. the quiz attempt page's, whose head shows the
    quiz title); the scope then stands for the page and the site.
    """

    def __init__(self, nodelist, fragment_name, vary_on):
        self.nodelist = nodelist
        self.fragment_name = fragment_name
        self.vary_on = vary_on

    def render(self, context):
        request = context.get("request")
        version = context.get("content_version")
        page = context.get("page")
        if not isinstance(page, Page):  # views may name a page number "page"
            page = None
        scope = context.get("fragment_scope") if page is None else None
        if (
            request is None
            or version is None
            or (page is None and not scope)
            or is_preview(request)
        ):
            return self.nodelist.render(context)
        if page is not None:
            site = Site.find_for_request(request)
            where = (page.pk, site.pk if site else 0)
        else:
            where = ("view", scope)
        key = cache_key(
            "fragment",
            self.fragment_name,
            version,
            *where,
            get_language(),
            *(var.resolve(context) for var in self.vary_on),
        )
        html = cache.get(key)
        if html is None:
            html = self.nodelist.render(context)
            cache.set(key, html, FRAGMENT_TIMEOUT)
        return html


@register.tag("pagefragment")
def do_pagefragment(parser, token):
    """``{% pagefragment name [var ...] %}…{% endpagefragment %}``."""
    nodelist = parser.parse(("endpagefragment",))
    parser.delete_first_token()
    tokens = token.split_contents()
    if len(tokens) < 2:
        raise template.TemplateSyntaxError("'pagefragment' needs a fragment name.")
    return PageFragmentNode(
        nodelist, tokens[1], [parser.compile_filter(t) for t in tokens[2:]]
    )


PERSONAL_MARKER = "\x00relais-personal:{}\x00"


class PersonalNode(template.Node):
    """``{% personal "name.html" %}``: an include whose output belongs to the visitor.

    Renders like ``{% include %}``. When a learner page renders its shared
    skeleton (``core.serving.serve_with_personal_parts``, context variable
    ``relais_skeleton``), it leaves a marker instead, which that function
    fills per request: the name, progress, CSRF tokens and messages of one
    visitor never enter the shared skeleton.
    """

    def __init__(self, template_name: str, include: IncludeNode):
        self.template_name = template_name
        self.include = include

    def render(self, context):
        if context.get("relais_skeleton"):
            return PERSONAL_MARKER.format(self.template_name)
        return self.include.render(context)


@register.tag("personal")
def do_personal(parser, token):
    """``{% personal "template/name.html" %}`` (a constant name, no ``with``)."""
    bits = token.split_contents()
    if len(bits) != 2 or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError("'personal' takes one quoted template name.")
    include = IncludeNode(parser.compile_filter(bits[1]))
    include.origin, include.token = parser.origin, token  # as the parser sets them
    return PersonalNode(bits[1][1:-1], include)
