"""Login throttling with django-axes: who is counted, and what the locked see.

Password attempts are counted per (username, IP address) combination
(``AXES_LOCKOUT_PARAMETERS``); company sign-ins carry no username and are
never counted (``not_a_password_attempt``): the identity provider throttles
its own passwords.
"""

from axes.helpers import get_cool_off
from django.contrib.auth import get_user_model
from django.shortcuts import render
from django.utils import timezone, translation

from core.people import person_language

LOCKED_OUT_TEMPLATE = "accounts/locked_out.html"


def not_a_password_attempt(request, credentials) -> bool:
    """axes' whitelist hook: only attempts with a username are counted."""
    return not (credentials or {}).get("username")


def lockout_response(request, original_response=None, credentials=None):
    """The page a locked-out person sees, in their language, with when to retry.

    A failure during the lockout restarts the cool-off (axes' default), so the
    retry time is now plus the cool-off.
    """
    username = (credentials or {}).get("username") or ""
    user = get_user_model().objects.filter(username=username).first()
    language = person_language(user, default=getattr(request, "LANGUAGE_CODE", None))
    cool_off = get_cool_off(request)
    retry_at = timezone.localtime(timezone.now() + cool_off) if cool_off else None
    minutes = -(-int(cool_off.total_seconds()) // 60) if cool_off else None
    with translation.override(language):
        return render(
            request,
            LOCKED_OUT_TEMPLATE,
            {"retry_at": retry_at, "minutes": minutes},
            status=429,
        )
