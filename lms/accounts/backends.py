"""Authentication backends: company sign-in, and the local-accounts switch.

``AUTHENTICATION_BACKENDS`` runs, in order: ``LoginThrottle`` (axes:
refuses locked-out passwords), ``LocalAccountsGate`` (refuses every password when the
organisation switched local accounts off), ``core.auth.ModelBackend``
(passwords, and the fast ``get_user`` of every request) and
``CompanySignInBackend`` (the OpenID Connect callback only: its
``authenticate`` takes the nonce and PKCE verifier that no password login
passes, so Django never offers it a password).
"""

import jwt
import requests
from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from core.auth import ModelBackend
from lms.accounts.provider import provider_metadata
from lms.accounts.services import identity_sign_in

ID_TOKEN_CLAIMS = ["exp", "iat", "iss", "aud", "sub"]


class LoginThrottle(AxesStandaloneBackend):
    """axes' lockout check, for sign-ins that come with a request.

    Without a request (``Client.login`` in tests, a shell, a management
    command) nobody is guessing through a form, and axes would refuse to run.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username, password, **kwargs)


class LocalAccountsGate:
    """Refuses password sign-in when ``RELAIS_LOCAL_ACCOUNTS`` is off.

    Covers every login form (Relais's and the Wagtail admin's): raising
    PermissionDenied stops Django's ``authenticate`` before any later backend.
    No ``get_user``: it signs nobody in, so ``force_login`` and sessions
    never pick it.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if not settings.RELAIS_LOCAL_ACCOUNTS and password is not None:
            raise PermissionDenied("Local accounts are switched off.")
        return None


class CompanySignInBackend(OIDCAuthenticationBackend):
    """mozilla-django-oidc's backend, configured from the discovery document.

    On top of the library (state, nonce, PKCE, JWKS signature and expiry),
    it checks the ID token's issuer and audience, finds the person by
    (issuer, ``sub``) through ``identity_sign_in``, and leaves permissions
    and the per-request ``get_user`` to ``core.auth.ModelBackend``.
    """

    def __init__(self, *args, **kwargs):
        # The library reads static endpoints from settings here; ours come
        # from the discovery document, fetched only when a callback needs it.
        self.OIDC_RP_CLIENT_ID = settings.RELAIS_OIDC_CLIENT_ID
        self.OIDC_RP_CLIENT_SECRET = settings.RELAIS_OIDC_CLIENT_SECRET
        self.OIDC_RP_SIGN_ALGO = settings.OIDC_RP_SIGN_ALGO
        self.OIDC_RP_IDP_SIGN_KEY = None
        self._metadata = None

    @property
    def metadata(self) -> dict:
        if self._metadata is None:
            self._metadata = provider_metadata()
            if self._metadata is None:
                raise requests.ConnectionError("The identity provider is unreachable.")
        return self._metadata

    @property
    def OIDC_OP_TOKEN_ENDPOINT(self):
        return self.metadata["token_endpoint"]

    @property
    def OIDC_OP_USER_ENDPOINT(self):
        return self.metadata.get("userinfo_endpoint")

    @property
    def OIDC_OP_JWKS_ENDPOINT(self):
        return self.metadata["jwks_uri"]

    def authenticate(self, request, *, nonce, code_verifier):
        return super().authenticate(request, nonce=nonce, code_verifier=code_verifier)

    def _verify_jws(self, payload, key):
        """Signature, expiry, issuer and audience of an ID token, all checked."""
        header = jwt.get_unverified_header(payload)
        if header.get("alg") != self.OIDC_RP_SIGN_ALGO:
            raise SuspiciousOperation("ID token signed with an unexpected algorithm.")
        try:
            return jwt.decode(
                payload,
                key,
                algorithms=[self.OIDC_RP_SIGN_ALGO],
                audience=self.OIDC_RP_CLIENT_ID,
                issuer=self.metadata["issuer"],
                options={"require": ID_TOKEN_CLAIMS},
            )
        except jwt.InvalidTokenError as error:
            raise SuspiciousOperation(f"ID token refused: {error}") from error

    def get_userinfo(self, access_token, id_token, payload):
        """The ID token's claims, completed by the userinfo endpoint if any."""
        claims = dict(payload)
        if self.OIDC_OP_USER_ENDPOINT:
            extra = super().get_userinfo(access_token, id_token, payload)
            if extra.get("sub") not in (None, payload["sub"]):
                raise SuspiciousOperation("Userinfo is about another subject.")
            claims.update({k: v for k, v in extra.items() if k not in ("iss", "aud")})
        return claims

    def get_or_create_user(self, access_token, id_token, payload):
        claims = self.get_userinfo(access_token, id_token, payload)
        return identity_sign_in(
            issuer=payload["iss"],
            claims=claims,
            claim_names=settings.RELAIS_OIDC_CLAIMS,
        )

    # Permissions are core.auth.ModelBackend's (listed before this backend):
    # answering here too would only repeat its queries for every denial.
    def has_perm(self, user_obj, perm, obj=None):
        return False

    def has_module_perms(self, user_obj, app_label):
        return False

    def get_all_permissions(self, user_obj, obj=None):
        return set()

    def get_user(self, user_id):
        return ModelBackend().get_user(user_id)
