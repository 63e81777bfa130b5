"""Claims of the test provider: email, names, locale and groups.

One client (``OIDC_PROVIDER_SHORT_LIVED_CLIENT``) gets ID tokens that expire
the second they are issued, so tests can prove Relais refuses expired ones.
"""

import os
import time

from oauth2_provider.oauth2_validators import OAuth2Validator

from tests.oidc_provider.models import Profile


class ClaimsValidator(OAuth2Validator):
    """django-oauth-toolkit's validator with the claims Relais maps."""

    oidc_claim_scope = {**OAuth2Validator.oidc_claim_scope, "groups": "profile"}

    def get_additional_claims(self, request):
        user = request.user
        profile = Profile.objects.filter(user=user).first()
        groups = profile.groups if profile else ""
        return {
            "email": user.email,
            "given_name": user.first_name,
            "family_name": user.last_name,
            "locale": profile.locale if profile else "",
            "groups": [group for group in groups.split(",") if group],
        }

    def get_id_token_dictionary(self, token, token_handler, request):
        claims, expiration = super().get_id_token_dictionary(
            token, token_handler, request
        )
        if request.client.client_id == os.environ.get(
            "OIDC_PROVIDER_SHORT_LIVED_CLIENT"
        ):
            claims["exp"] = int(time.time())
        return claims, expiration
