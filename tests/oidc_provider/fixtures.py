"""pytest fixtures: a real OpenID Connect provider for the session.

``oidc_provider`` starts ``tests.oidc_provider.serve`` on a free port of
127.0.0.1 with its own SQLite file, waits for its discovery document and
stops it when the session ends. ``company_sign_in`` points Relais at it.
``provider_sign_in`` walks a Django test client through the real flow: Relais
redirects to the provider, a ``requests`` session signs in on the provider's
form, and the provider's redirect comes back to Relais's callback.
"""

import base64
import hashlib
import os
import secrets
import socket
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urljoin, urlsplit

import pytest
import requests
from django.urls import reverse

from lms.accounts.provider import provider_forget

ROOT = Path(__file__).resolve().parent.parent.parent
CLIENT_ID = "relais"
CLIENT_SECRET = "relais-client-secret"
OTHER_CLIENT_ID = "other-app"
OTHER_CLIENT_SECRET = "other-app-secret"
SHORT_LIVED_CLIENT_ID = "short-lived"
SHORT_LIVED_CLIENT_SECRET = "short-lived-secret"
TEST_CALLBACK = "http://testserver/accounts/oidc/callback/"
USERNAME = "alice"
PASSWORD = "provider-pass-123"
EMAIL = "alice.martin@example.org"
START_SECONDS = 90


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Provider:
    """The running provider: its issuer URL and its database, for set-up."""

    issuer: str
    db: Path

    def set_person(self, username: str = USERNAME, **fields) -> None:
        """Change what the provider says: email, first_name, locale, groups..."""
        with sqlite3.connect(self.db) as db:
            for field in ("email", "first_name", "last_name"):
                if field in fields:
                    db.execute(
                        f"UPDATE auth_user SET {field} = ? WHERE username = ?",
                        (fields[field], username),
                    )
            for field in ("locale", "groups"):
                if field in fields:
                    db.execute(
                        f"UPDATE oidc_provider_profile SET {field} = ? WHERE "
                        "user_id = (SELECT id FROM auth_user WHERE username = ?)",
                        (fields[field], username),
                    )

    def allow_redirect(self, uri: str) -> None:
        """Register one more redirect URI for every client (a live server's)."""
        with sqlite3.connect(self.db) as db:
            db.execute(
                "UPDATE oauth2_provider_application "
                "SET redirect_uris = redirect_uris || ' ' || ?",
                (uri,),
            )


@pytest.fixture(scope="session")
def oidc_provider(tmp_path_factory):
    folder = tmp_path_factory.mktemp("oidc-provider")
    port = free_port()
    db = folder / "provider.sqlite3"
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    command = [
        sys.executable,
        "-m",
        "tests.oidc_provider.serve",
        f"--port={port}",
        f"--db={db}",
        f"--client={CLIENT_ID}:{CLIENT_SECRET}:{TEST_CALLBACK}",
        f"--client={OTHER_CLIENT_ID}:{OTHER_CLIENT_SECRET}:{TEST_CALLBACK}",
        f"--client={SHORT_LIVED_CLIENT_ID}:{SHORT_LIVED_CLIENT_SECRET}:{TEST_CALLBACK}",
        f"--short-lived-client={SHORT_LIVED_CLIENT_ID}",
        f"--user={USERNAME}:{PASSWORD}:{EMAIL}:Alice:Martin:en-GB:",
    ]
    log = (folder / "provider.log").open("w")
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
    )
    issuer = f"http://127.0.0.1:{port}/o"
    deadline = time.monotonic() + START_SECONDS
    try:
        while True:
            if process.poll() is not None:
                output = (folder / "provider.log").read_text()
                raise RuntimeError(f"the OIDC test provider stopped: {output}")
            try:
                answer = requests.get(
                    f"{issuer}/.well-known/openid-configuration", timeout=2
                )
                if answer.ok:
                    break
            except requests.RequestException:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("the OIDC test provider did not start in time")
            time.sleep(0.2)
        yield Provider(issuer=issuer, db=db)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


@pytest.fixture
def company_sign_in(settings, oidc_provider):
    """Relais configured for the test provider, as an organisation would."""
    settings.RELAIS_OIDC_ISSUER = oidc_provider.issuer
    settings.RELAIS_OIDC_CLIENT_ID = CLIENT_ID
    settings.RELAIS_OIDC_CLIENT_SECRET = CLIENT_SECRET
    oidc_provider.set_person(email=EMAIL, first_name="Alice", locale="en-GB", groups="")
    provider_forget()
    yield oidc_provider
    provider_forget()


def provider_login(session: requests.Session, authorize_url: str) -> str:
    """Follow the provider from its authorize URL to the redirect back to the client.

    Signs in on the provider's form when asked; returns the redirect URI the
    provider sends the browser to (with code and state).
    """
    url = authorize_url
    for _hop in range(6):
        answer = session.get(url, allow_redirects=False, timeout=10)
        if answer.status_code == 200 and 'name="password"' in answer.text:
            answer = session.post(
                url,
                data={
                    "username": USERNAME,
                    "password": PASSWORD,
                    "csrfmiddlewaretoken": session.cookies["provider_csrftoken"],
                    "next": parse_qs(urlsplit(url).query)["next"][0],
                },
                allow_redirects=False,
                timeout=10,
            )
        assert answer.status_code == 302, (answer.status_code, answer.text[:500])
        location = urljoin(url, answer.headers["Location"])
        if not location.startswith(authorize_url.split("/o/")[0]):
            return location
        url = location
    raise AssertionError("the provider never redirected back")


def provider_sign_in(client, *, next_url: str = "") -> str:
    """Start company sign-in with ``client``; the callback path it returns to."""
    start = reverse("oidc_authentication_init")
    if next_url:
        start += "?" + urlencode({"next": next_url})
    answer = client.get(start)
    assert answer.status_code == 302, answer
    back = provider_login(requests.Session(), answer["Location"])
    parts = urlsplit(back)
    return f"{parts.path}?{parts.query}"


def foreign_id_token(provider: Provider) -> tuple[str, str]:
    """A real ID token the provider issued to another client; (token, nonce)."""
    session = requests.Session()
    verifier = secrets.token_urlsafe(48)
    challenge = (
        base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest())
        .rstrip(b"=")
        .decode()
    )
    nonce = secrets.token_urlsafe(16)
    query = urlencode(
        {
            "response_type": "code",
            "client_id": OTHER_CLIENT_ID,
            "redirect_uri": TEST_CALLBACK,
            "scope": "openid email profile",
            "state": "s",
            "nonce": nonce,
            "code_challenge": challenge,
            "code_challenge_method": "S256",
        }
    )
    back = provider_login(session, f"{provider.issuer}/authorize/?{query}")
    code = parse_qs(urlsplit(back).query)["code"][0]
    tokens = session.post(
        f"{provider.issuer}/token/",
        data={
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": TEST_CALLBACK,
            "client_id": OTHER_CLIENT_ID,
            "client_secret": OTHER_CLIENT_SECRET,
            "code_verifier": verifier,
        },
        timeout=10,
    )
    tokens.raise_for_status()
    return tokens.json()["id_token"], nonce
