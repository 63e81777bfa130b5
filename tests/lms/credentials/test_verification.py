"""Issued credentials checked by an independent verifier (openbadgeslib).

Relais signs with joserfc; these tests verify with openbadgeslib's Open Badges
3.0 verifier, which resolves the issuer's did:web document, checks the EdDSA
signature, the validity window and the revocation status list.
"""

import base64
import datetime
import json

import pytest
from django.urls import reverse
from django.utils import timezone
from openbadgeslib.ob3.verifier import OB3VerificationError, OB3Verifier
from openbadgeslib.util import hash_email

from courses.services import certificate_revoke
from lms.credentials.documents import issuer_did
from lms.credentials.keys import generate_private_key_pem, published_keys
from lms.credentials.models import IssuedCredential
from lms.credentials.services import credential_issue
from lms.credentials.signing import sign
from tests.factories import UserFactory
from tests.lms.credentials.conftest import earn_certificate

pytestmark = pytest.mark.django_db


def payload_of(token: str) -> dict:
    segment = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4)))


def test_a_certificate_is_issued_with_a_valid_credential(certificate, verify):
    record = IssuedCredential.objects.get(certificate=certificate)

    credential = verify(record.token)

    assert credential.issuer.id == issuer_did()
    assert credential.achievement.name == "Confidentialité au travail"
    assert credential.issuance_date == certificate.issued_at.replace(microsecond=0)
    assert credential.expiration_date is None
    [identifier] = credential.identifiers
    expected = hash_email("camille.roy@example.org", identifier.salt).decode()
    assert identifier.identity_hash == f"sha256${expected}"
    assert "camille" not in record.token.lower()  # the email never in clear
    assert credential.raw["credentialStatus"]["statusPurpose"] == "revocation"


def test_issuing_twice_gives_the_same_credential(certificate):
    first = IssuedCredential.objects.get(certificate=certificate)

    again = credential_issue(certificate=certificate)

    assert again.pk == first.pk
    assert again.token == first.token
    assert IssuedCredential.objects.count() == 1


def test_a_tampered_credential_fails(certificate, verify):
    token = IssuedCredential.objects.get(certificate=certificate).token
    header, _payload, signature = token.split(".")
    payload = payload_of(token)
    payload["name"] = "Expert certifié"
    forged = base64.urlsafe_b64encode(json.dumps(payload).encode()).rstrip(b"=")

    with pytest.raises(OB3VerificationError, match="signature"):
        verify(f"{header}.{forged.decode()}.{signature}")


def test_a_credential_signed_with_another_key_fails(certificate, verify, settings):
    token = IssuedCredential.objects.get(certificate=certificate).token
    published = published_keys()[0]
    settings.RELAIS_CREDENTIAL_SIGNING_KEY = generate_private_key_pem().decode()
    intruder = published_keys()[0]
    # The intruder claims the real key's id: only the signature can tell.
    impostor = type(intruder)(
        thumbprint=published.thumbprint, key=intruder.key, current=True
    )
    forged = sign(payload_of(token), impostor)
    settings.RELAIS_CREDENTIAL_SIGNING_KEY = published.key.as_pem(private=True).decode()

    with pytest.raises(OB3VerificationError, match="signature"):
        verify(forged)


def test_a_revoked_credential_is_reported_revoked(certificate, verify, superuser):
    token = IssuedCredential.objects.get(certificate=certificate).token
    verify(token)

    certificate_revoke(certificate=certificate, reason="Fraude", by=superuser)

    with pytest.raises(OB3VerificationError, match="revocation"):
        verify(token)
    verify(token, check_status=False)  # the signature itself still holds


def test_revoking_one_leaves_the_others_valid(course, certificate, verify, superuser):
    other = earn_certificate(course, UserFactory(email="autre@example.org"))

    certificate_revoke(certificate=certificate, reason="Erreur", by=superuser)

    verify(IssuedCredential.objects.get(certificate=other).token)


def test_an_expired_credential_is_reported_expired(certificate, verify):
    certificate.issued_at = timezone.now() - datetime.timedelta(days=400)
    certificate.expires_at = timezone.now() - datetime.timedelta(days=35)
    certificate.save()
    IssuedCredential.objects.filter(certificate=certificate).delete()
    token = credential_issue(certificate=certificate).token

    with pytest.raises(OB3VerificationError, match="expired"):
        verify(token)


def test_after_a_key_rotation_an_old_credential_still_verifies(
    course, certificate, verify, settings
):
    old_token = IssuedCredential.objects.get(certificate=certificate).token
    old_key = settings.RELAIS_CREDENTIAL_SIGNING_KEY
    settings.RELAIS_CREDENTIAL_SIGNING_KEY = generate_private_key_pem().decode()
    settings.RELAIS_CREDENTIAL_RETIRED_KEYS = [old_key]

    new = earn_certificate(course, UserFactory(email="nouvelle@example.org"))
    new_token = IssuedCredential.objects.get(certificate=new).token

    assert verify(old_token).achievement.name == verify(new_token).achievement.name
    assert payload_of(old_token)["iss"] == payload_of(new_token)["iss"]

    # Dropping the retired key is what would break it: the kid matters.
    settings.RELAIS_CREDENTIAL_RETIRED_KEYS = []
    with pytest.raises(OB3VerificationError):
        verify(old_token)
    verify(new_token)


@pytest.mark.parametrize("kind", ["png", "svg"])
def test_baked_badges_carry_the_credential(client, certificate, verify, kind):
    token = IssuedCredential.objects.get(certificate=certificate).token
    response = client.get(reverse(f"credentials:badge_{kind}", args=[certificate.code]))

    assert response.status_code == 200
    content = (
        b"".join(response.streaming_content) if response.streaming else response.content
    )
    extract = getattr(OB3Verifier, f"extract_token_from_{kind}")
    baked = extract(content)
    assert baked == token
    verify(baked)


def test_the_json_download_is_the_enveloped_credential(client, certificate, verify):
    response = client.get(reverse("credentials:json", args=[certificate.code]))

    document = json.loads(response.content)
    assert document["type"] == "EnvelopedVerifiableCredential"
    media, token = document["id"].split(",", 1)
    assert media == "data:application/vc+jwt"
    verify(token)
    assert response["Content-Disposition"].startswith("attachment;")
