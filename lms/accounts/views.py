"""Sign-in views: the login page, company sign-in, and password reset.

The OpenID Connect views are mozilla-django-oidc's, fed from the discovery
document and turning every refusal (tampered state, replayed callback,
invalid token, deactivated person, provider down) into a clear message on
the login page instead of an error page.
"""

import logging

import requests
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.core.exceptions import SuspiciousOperation
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import View
from mozilla_django_oidc import views as oidc_views

from lms.accounts.forms import PersonalPasswordResetForm
from lms.accounts.provider import (
    button_text,
    oidc_configured,
    provider_metadata,
)

logger = logging.getLogger(__name__)

PROVIDER_DOWN = _(
    "Your organisation’s sign-in service is not answering. Try again in a few minutes."
)
SIGN_IN_REFUSED = _(
    "Sign-in with your organisation did not complete. Start again from this page."
)
PERSON_DEACTIVATED = _(
    "Your Relais account is deactivated. Contact your training team if you "
    "think this is a mistake."
)
LOCAL_ACCOUNTS_OFF = _(
    "Sign in with your organisation: passwords are not used on this site."
)
PASSWORD_RESET_OFF = _(
    "Passwords are not used on this site, so they cannot be reset: sign in with "
    "your organisation."
)


def company_sign_in() -> dict | None:
    """The company sign-in button (URL and text), if configured and answering."""
    if provider_metadata() is None:
        return None
    return {"url": reverse("oidc_authentication_init"), "text": button_text()}


class LoginView(auth_views.LoginView):
    """Django's login page, with the company sign-in button and the switch.

    When local accounts are off it shows only the button, and a posted
    password is refused with ``LOCAL_ACCOUNTS_OFF``.
    """

    redirect_authenticated_user = True

    def post(self, request, *args, **kwargs):
        if not settings.RELAIS_LOCAL_ACCOUNTS:
            messages.error(request, LOCAL_ACCOUNTS_OFF)
            return redirect(request.get_full_path())
        return super().post(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        button = company_sign_in()
        return super().get_context_data(
            company_sign_in=button,
            company_sign_in_down=button is None and oidc_configured(),
            local_accounts=settings.RELAIS_LOCAL_ACCOUNTS,
            **kwargs,
        )


class _LocalAccountsOnly:
    """Password reset views refuse, with a message, when local accounts are off."""

    def dispatch(self, request, *args, **kwargs):
        if not settings.RELAIS_LOCAL_ACCOUNTS:
            messages.error(request, PASSWORD_RESET_OFF)
            return redirect("login")
        return super().dispatch(request, *args, **kwargs)


class PasswordResetView(_LocalAccountsOnly, auth_views.PasswordResetView):
    """Ask for a reset link; the same answer whether the address is known."""

    form_class = PersonalPasswordResetForm
    template_name = "accounts/password_reset_form.html"


class PasswordResetDoneView(_LocalAccountsOnly, auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(_LocalAccountsOnly, auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("password_reset_complete")


class PasswordResetCompleteView(
    _LocalAccountsOnly, auth_views.PasswordResetCompleteView
):
    template_name = "accounts/password_reset_complete.html"


def _refuse(request, message):
    messages.error(request, message)
    return redirect("login")


class CompanySignInStart(oidc_views.OIDCAuthenticationRequestView):
    """Send the browser to the provider (state, nonce and PKCE in the session)."""

    def __init__(self, **kwargs):
        # The library reads static endpoints here; ours are discovered.
        View.__init__(self, **kwargs)

    def get(self, request):
        if not oidc_configured():
            raise Http404
        metadata = provider_metadata()
        if metadata is None:
            return _refuse(request, PROVIDER_DOWN)
        self.OIDC_OP_AUTH_ENDPOINT = metadata["authorization_endpoint"]
        self.OIDC_RP_CLIENT_ID = settings.RELAIS_OIDC_CLIENT_ID
        return super().get(request)


class CompanySignInCallback(oidc_views.OIDCAuthenticationCallbackView):
    """The provider's redirect back: sign the person in or say why not."""

    def get(self, request):
        if not oidc_configured():
            raise Http404
        try:
            return super().get(request)
        except SuspiciousOperation as error:
            logger.warning("Company sign-in refused: %s", error)
            return _refuse(request, SIGN_IN_REFUSED)
        except requests.RequestException as error:
            logger.warning("Company sign-in: provider unreachable: %s", error)
            return _refuse(request, PROVIDER_DOWN)

    def login_failure(self):
        user = getattr(self, "user", None)
        if user is not None and not user.is_active:
            return _refuse(self.request, PERSON_DEACTIVATED)
        return _refuse(self.request, SIGN_IN_REFUSED)
