"""The public credential URLs, with bad input, and where learners find them."""

import json
import stat
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.models import ModelLogEntry

from courses.services import certificate_revoke
from lms.credentials.documents import issuer_did
from lms.credentials.keys import generate_private_key_pem, published_keys, signing_key
from lms.credentials.models import IssuedCredential
from lms.credentials.services import ISSUE_ACTION
from tests.factories import CertificateFactory

pytestmark = pytest.mark.django_db

DOWNLOADS = ["jwt", "json", "badge_png", "badge_svg"]


@pytest.mark.parametrize("name", DOWNLOADS)
def test_an_unknown_code_is_404(client, name):
    assert client.get(reverse(f"credentials:{name}", args=["nope"])).status_code == 404


@pytest.mark.parametrize("name", DOWNLOADS)
def test_a_revoked_certificates_credential_and_badges_are_gone(
    client, certificate, superuser, name
):
    certificate_revoke(certificate=certificate, reason="Erreur", by=superuser)

    response = client.get(reverse(f"credentials:{name}", args=[certificate.code]))

    assert response.status_code == 410
    assert reverse("certificates:verify", args=[certificate.code]) in response.text


@pytest.mark.parametrize(
    "path",
    [
        "/credentials/status/2",
        "/credentials/status/0",
        "/credentials/status/99999999999999999999",
        "/credentials/achievements/999999/fr.json",
        "/credentials/achievements/1/xx.json",
    ],
    ids=["unused-list", "list-zero", "huge-list", "foreign-course", "bad-language"],
)
def test_foreign_or_malformed_ids_are_404(client, certificate, path):
    # (A path no credential URL matches falls through to the pages: 404 there.)
    assert client.get(path, follow=True).status_code == 404


def test_the_did_document_publishes_every_key(client, settings):
    old = settings.RELAIS_CREDENTIAL_SIGNING_KEY
    settings.RELAIS_CREDENTIAL_SIGNING_KEY = generate_private_key_pem().decode()
    settings.RELAIS_CREDENTIAL_RETIRED_KEYS = [old]

    document = client.get("/.well-known/did.json").json()

    assert document["id"] == issuer_did() == "did:web:testserver"
    ids = [method["id"] for method in document["verificationMethod"]]
    assert ids == [f"did:web:testserver#{key.thumbprint}" for key in published_keys()]
    assert ids[0].endswith(signing_key().thumbprint)
    assert all("d" not in m["publicKeyJwk"] for m in document["verificationMethod"])


def test_the_achievement_is_served_as_embedded(client, certificate):
    token = IssuedCredential.objects.get(certificate=certificate).token
    response = client.get(reverse("credentials:json", args=[certificate.code]))
    assert response.status_code == 200
    achievement_url = f"/credentials/achievements/{certificate.course_id}/fr.json"

    served = client.get(achievement_url).json()

    assert served["name"] == "Confidentialité au travail"
    assert served["id"].endswith(achievement_url)
    assert "quiz" in served["criteria"]["narrative"]
    assert token  # the embedded copy is checked by the verifier tests


def test_a_certificate_from_before_credentials_gets_one_on_first_download(client):
    certificate = CertificateFactory()  # built directly: no issuing signal
    assert not IssuedCredential.objects.filter(certificate=certificate).exists()

    first = client.get(reverse("credentials:jwt", args=[certificate.code]))
    second = client.get(reverse("credentials:jwt", args=[certificate.code]))

    assert first.status_code == second.status_code == 200
    assert first.content == second.content
    assert IssuedCredential.objects.filter(certificate=certificate).count() == 1
    assert ModelLogEntry.objects.filter(action=ISSUE_ACTION).count() == 1


def test_with_credentials_off_nothing_is_issued_or_offered(
    client, settings, course, holder
):
    from tests.lms.credentials.conftest import earn_certificate

    settings.RELAIS_CREDENTIALS_ENABLED = False
    certificate = earn_certificate(course, holder)

    assert not IssuedCredential.objects.exists()
    assert (
        client.get(reverse("credentials:jwt", args=[certificate.code])).status_code
        == 404
    )
    assert client.get("/.well-known/did.json").status_code == 404
    page = client.get(reverse("certificates:verify", args=[certificate.code]))
    assert "Open Badge" not in page.text


def test_the_learner_finds_the_badge_on_dashboard_and_verification_page(
    client, certificate, holder, superuser
):
    client.force_login(holder)
    json_url = reverse("credentials:json", args=[certificate.code])
    png_url = reverse("credentials:badge_png", args=[certificate.code])

    dashboard = client.get(reverse("courses:dashboard"))
    verification = client.get(reverse("certificates:verify", args=[certificate.code]))

    for page in (dashboard, verification):
        assert json_url in page.text and png_url in page.text
        assert "linkedin.com/profile/add" in dashboard.text  # the LinkedIn link stays

    certificate_revoke(certificate=certificate, reason="Erreur", by=superuser)
    for url in (
        reverse("courses:dashboard"),
        reverse("certificates:verify", args=[certificate.code]),
    ):
        assert json_url not in client.get(url).text


def test_the_status_list_is_fresh_on_every_request(client, certificate, superuser):
    response = client.get("/credentials/status/1")
    assert response["Content-Type"] == "application/vc+jwt"
    assert (
        "no-cache" in response["Cache-Control"]
        or "max-age=0" in response["Cache-Control"]
    )
    before = response.content

    certificate_revoke(certificate=certificate, reason="Erreur", by=superuser)

    assert client.get("/credentials/status/1").content != before


def test_a_public_key_cannot_sign(settings):
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    public = (
        Ed25519PrivateKey.generate()
        .public_key()
        .public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    )
    settings.RELAIS_CREDENTIAL_SIGNING_KEY = public.decode()
    with pytest.raises(ImproperlyConfigured, match="public key"):
        signing_key()


def test_a_key_that_is_not_ed25519_is_refused(settings, tmp_path):
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    path = tmp_path / "p256.pem"
    path.write_bytes(
        ec.generate_private_key(ec.SECP256R1()).private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    settings.RELAIS_CREDENTIAL_SIGNING_KEY = str(path)
    with pytest.raises(ImproperlyConfigured, match="not an Ed25519 key"):
        signing_key()


def test_the_key_command_writes_a_private_file_and_never_replaces_it(
    tmp_path, settings
):
    path = tmp_path / "keys" / "issuer.pem"

    call_command("credentials_key", generate=str(path))
    content = path.read_bytes()
    call_command("credentials_key", generate=str(path), if_missing=True)

    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert path.read_bytes() == content
    with pytest.raises(CommandError, match="refusing"):
        call_command("credentials_key", generate=str(path))
    settings.RELAIS_CREDENTIAL_SIGNING_KEY = str(path)
    assert signing_key().key.is_private


@pytest.mark.parametrize(
    "env, refused",
    [({}, True), ({"RELAIS_CREDENTIALS_ENABLED": "false"}, False)],
    ids=["credentials-on-without-key", "credentials-off"],
)
def test_production_refuses_to_start_without_a_key(env, refused):
    environment = {
        "SECRET_KEY": "x" * 50,
        "ALLOWED_HOSTS": "relais.example.org",
        "PATH": "/usr/bin:/bin",
        **env,
    }
    result = subprocess.run(
        [sys.executable, "-c", "import lms.settings.production"],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert (result.returncode != 0) == refused, result.stderr
    if refused:
        assert "RELAIS_CREDENTIAL_SIGNING_KEY" in result.stderr


def test_json_documents_are_utf8_and_public(client):
    response = client.get(reverse("credentials:issuer"))
    assert response["Access-Control-Allow-Origin"] == "*"
    assert json.loads(response.content)["type"] == ["Profile"]
