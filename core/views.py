"""Views that belong to no app: the language switcher, for signed-in people."""

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django.views.i18n import set_language

from core.people import person_language_set

LANGUAGE_UNAVAILABLE = _("This language is not available. Nothing was changed.")


def _next_on_this_site(request) -> str:
    """The ``next`` the form posted, if it stays on this site; else the home page."""
    url = request.POST.get("next", "")
    safe = url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return url if safe else "/"


@require_POST
def language_choose(request):
    """The signed-in language switcher: save the choice, then go to that language.

    A signed-in person's ``language`` becomes their preferred language
    (``person_language_set``, which keeps Wagtail's profile in step, so the
    admin, certificates and emails follow). Django's ``set_language`` then
    sets the language cookie and redirects to ``next`` (the page in that
    language, if it is on this site). A language Relais does not speak
    changes nothing and goes back to ``next`` with a message. POST only,
    CSRF-checked: it changes data.
    """
    language = request.POST.get("language", "")
    if language not in dict(settings.LANGUAGES):
        messages.error(request, LANGUAGE_UNAVAILABLE)
        return HttpResponseRedirect(_next_on_this_site(request))
    if request.user.is_authenticated:
        person_language_set(user=request.user, language=language)
    return set_language(request)
