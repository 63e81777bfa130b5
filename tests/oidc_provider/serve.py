"""Start the test OpenID Connect provider: ``python -m tests.oidc_provider.serve``.

Creates its SQLite database, an RS256 signing key, the users and the
registered clients given on the command line, then serves on 127.0.0.1 until
stopped. ``--client`` is ``ID:SECRET:REDIRECT_URI[,REDIRECT_URI...]``
(confidential, authorization code, RS256, PKCE required by the provider);
``--user`` is ``USERNAME:PASSWORD:EMAIL:FIRST:LAST:LOCALE:GROUP[,GROUP...]``.
"""

import argparse
import os
import sys

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa


def _rsa_key() -> str:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()


def _arguments():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=8001)
    parser.add_argument("--db", required=True)
    parser.add_argument("--client", action="append", default=[])
    parser.add_argument("--user", action="append", default=[])
    parser.add_argument("--short-lived-client", default="")
    return parser.parse_args()


def _populate(arguments) -> None:
    # Django is set up by main() before this runs: the models need it.
    from django.contrib.auth.models import User
    from oauth2_provider.models import Application

    from tests.oidc_provider.models import Profile

    for spec in arguments.user:
        username, password, email, first, last, locale, groups = spec.split(":", 6)
        user, _created = User.objects.get_or_create(username=username)
        user.email, user.first_name, user.last_name = email, first, last
        user.set_password(password)
        user.save()
        Profile.objects.update_or_create(
            user=user, defaults={"locale": locale, "groups": groups}
        )
    for spec in arguments.client:
        client_id, secret, redirects = spec.split(":", 2)
        Application.objects.filter(client_id=client_id).delete()
        Application.objects.create(
            name=client_id,
            client_id=client_id,
            client_secret=secret,
            client_type=Application.CLIENT_CONFIDENTIAL,
            authorization_grant_type=Application.GRANT_AUTHORIZATION_CODE,
            redirect_uris=" ".join(redirects.split(",")),
            algorithm=Application.RS256_ALGORITHM,
            skip_authorization=True,
        )


def main() -> None:
    arguments = _arguments()
    os.environ["DJANGO_SETTINGS_MODULE"] = "tests.oidc_provider.settings"
    os.environ["OIDC_PROVIDER_DB"] = arguments.db
    os.environ["OIDC_PROVIDER_PORT"] = str(arguments.port)
    os.environ["OIDC_PROVIDER_RSA_KEY"] = _rsa_key()
    os.environ["OIDC_PROVIDER_SHORT_LIVED_CLIENT"] = arguments.short_lived_client

    import django
    from django.core.management import call_command
    from django.core.servers.basehttp import run
    from django.core.wsgi import get_wsgi_application

    django.setup()
    call_command("migrate", run_syncdb=True, verbosity=0, interactive=False)
    _populate(arguments)
    sys.stdout.write(f"OIDC test provider on http://127.0.0.1:{arguments.port}/o\n")
    sys.stdout.flush()
    run("127.0.0.1", arguments.port, get_wsgi_application(), threading=True)


if __name__ == "__main__":
    main()
