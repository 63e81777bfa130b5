"""Templated emails sent to one user, in a given language, outside any request.

An email is three templates: ``<template>_subject.txt``, ``<template>.txt``
and ``<template>.html``. Links in them must be absolute (:func:`absolute_url`)
because the reader opens them from a mail client, and emails are usually sent
by a background task with no request to build URLs from.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation


def absolute_url(url: str) -> str:
    """``url`` made absolute on the site's public base URL."""
    if url.startswith(("http://", "https://")):
        return url
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url


def send_templated_email(*, template: str, user, language: str, context: dict) -> bool:
    """Render ``template``'s three parts in ``language`` and send them to ``user``.

    ``language`` is activated while rendering, so ``{% trans %}``, dates and
    ``reverse()`` in the templates speak it; callers pass a language Relais
    speaks (e.g. ``courses.selectors.email_language``). The templates get
    ``user`` and ``organisation`` besides ``context`` (which may override
    them). Returns False, sending nothing, when the user has no address or
    their account is deactivated (a leaver; a task queued before they left
    sends nothing); a failing mail server raises, so a background task can
    retry.
    """
    if not user.email or not user.is_active:
        return False
    with translation.override(language):
        context = {
            "user": user,
            "organisation": settings.RELAIS_ORGANISATION_NAME,
            **context,
        }
        subject = render_to_string(f"{template}_subject.txt", context)
        text = render_to_string(f"{template}.txt", context)
        html = render_to_string(f"{template}.html", context)
    message = EmailMultiAlternatives(
        # A subject is one line whatever the template's line breaks.
        subject=" ".join(subject.split()),
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[user.email],
    )
    message.attach_alternative(html, "text/html")
    message.send()
    return True
