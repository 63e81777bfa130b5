"""The JSON documents of Open Badges 3.0, built from Relais's records.

Pure functions: each takes what it describes and returns a JSON-ready dict.
Shapes follow Open Badges 3.0 (1EdTech) on the W3C Verifiable Credentials Data
Model 2.0, secured as VC-JWT: the JWT payload *is* the credential, with the
registered claims ``iss``, ``jti``, ``nbf`` and ``exp`` beside it.

The issuer is ``did:web`` of the site's public address
(``WAGTAILADMIN_BASE_URL``): its DID document lists every published key, so a
verifier finds the key a credential's ``kid`` names.
"""

import base64
import gzip
import hashlib
import uuid
from datetime import UTC, datetime, timedelta
from urllib.parse import quote, urlsplit

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from lms.credentials.keys import IssuerKey

VC2_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OB3_CONTEXT = [
    VC2_CONTEXT,
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json",
]
OB3_SCHEMA = {
    "id": "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/"
    "ob_v3p0_achievementcredential_schema.json",
    "type": "1EdTechJsonSchemaValidator2019",
}
#: Bits per status list: 16 KB, the Bitstring Status List minimum, so that a
#: list of a few revocations says nothing about who they are (herd privacy).
STATUS_LIST_SIZE = 131_072
#: How long a fetched status list may be trusted by a verifier that caches it.
STATUS_LIST_TTL_SECONDS = 300


def base_url() -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def absolute(path: str) -> str:
    return base_url() + path


def issuer_did() -> str:
    """``did:web:<host>`` (a port percent-encoded) of the site's public address."""
    netloc = urlsplit(base_url()).netloc
    return "did:web:" + quote(netloc, safe="")


def key_id(key: IssuerKey) -> str:
    return f"{issuer_did()}#{key.thumbprint}"


def iso(moment: datetime) -> str:
    """An XML Schema dateTime in UTC, as the VC data model writes them."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def did_document(keys: tuple[IssuerKey, ...]) -> dict:
    """The issuer's DID document: every published key, the current one first."""
    did = issuer_did()
    methods = [
        {
            "id": key_id(key),
            "type": "JsonWebKey2020",
            "controller": did,
            "publicKeyJwk": key.public_jwk(),
        }
        for key in keys
    ]
    return {
        "@context": [
            "https://www.w3.org/ns/did/v1",
            "https://w3id.org/security/suites/jws-2020/v1",
        ],
        "id": did,
        "verificationMethod": methods,
        "assertionMethod": [method["id"] for method in methods],
    }


def issuer_profile() -> dict:
    """The issuer's Open Badges Profile (embedded in credentials, served alone)."""
    return {
        "id": issuer_did(),
        "type": ["Profile"],
        "name": settings.RELAIS_ORGANISATION_NAME,
        "url": base_url() + "/",
    }


def achievement(*, course_id: int | None, title: str, language: str) -> dict:
    """The Achievement a course's certificate stands for, in ``language``."""
    with translation.override(language):
        return {
            "id": absolute(
                reverse("credentials:achievement", args=[course_id or 0, language])
            ),
            "type": ["Achievement"],
            "achievementType": "Certificate",
            "name": title,
            "description": _(
                "Completion of the course “%(title)s”, a self-paced course on "
                "using social networks safely and professionally at work."
            )
            % {"title": title},
            "criteria": {
                "narrative": _(
                    "Read every required lesson of the course and pass its final "
                    "quiz with at least the pass mark."
                )
            },
            "image": {
                "id": absolute(reverse("credentials:achievement_image")),
                "type": "Image",
                "caption": _("The Relais badge"),
            },
            "inLanguage": language,
        }


def identity_hash(value: str, salt: str) -> str:
    """Open Badges' salted identity hash: ``sha256$`` and hex of value + salt."""
    return "sha256$" + hashlib.sha256((value + salt).encode()).hexdigest()


def status_entry(*, list_number: int, index: int) -> dict:
    """The credentialStatus that binds a credential to one bit of a status list."""
    list_url = status_list_url(list_number)
    return {
        "id": f"{list_url}#{index}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": "revocation",
        "statusListIndex": str(index),
        "statusListCredential": list_url,
    }


def status_list_url(list_number: int) -> str:
    return absolute(reverse("credentials:status_list", args=[list_number]))


def credential_payload(*, certificate, record, email: str, now: datetime) -> dict:
    """The OpenBadgeCredential of a certificate, as a VC-JWT payload.

    ``record`` is the certificate's ``IssuedCredential`` (its id, salt and
    status bit). The recipient is their email hashed with the record's salt,
    never in clear. ``validFrom``/``validUntil`` are the certificate's issue
    and expiry dates.
    """
    if email:
        identifier = {
            "type": "IdentityObject",
            "hashed": True,
            "identityHash": identity_hash(email.strip().lower(), record.salt),
            "identityType": "emailAddress",
            "salt": record.salt,
        }
    else:
        identifier = {
            "type": "IdentityObject",
            "hashed": True,
            "identityHash": identity_hash(str(certificate.learner_id), record.salt),
            "identityType": "issuerDesignatedId",
            "salt": record.salt,
        }
    with translation.override(certificate.language):
        evidence_name = _("Public verification page")
    credential = {
        "@context": OB3_CONTEXT,
        "id": f"urn:uuid:{record.uuid}",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": certificate.course_title,
        "issuer": issuer_profile(),
        "validFrom": iso(certificate.issued_at),
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [identifier],
            "achievement": achievement(
                course_id=certificate.course_id,
                title=certificate.course_title,
                language=certificate.language,
            ),
        },
        "credentialSchema": [dict(OB3_SCHEMA)],
        "credentialStatus": status_entry(
            list_number=record.list_number, index=record.status_index
        ),
        "evidence": [
            {
                "id": certificate.get_verification_url(),
                "type": ["Evidence"],
                "name": evidence_name,
            }
        ],
    }
    claims = {
        "iss": credential["issuer"]["id"],
        "jti": credential["id"],
        "nbf": int(certificate.issued_at.timestamp()),
        "iat": int(now.timestamp()),
    }
    if certificate.expires_at:
        credential["validUntil"] = iso(certificate.expires_at)
        claims["exp"] = int(certificate.expires_at.timestamp())
    return {**credential, **claims}


def encode_bitstring(indices, size: int = STATUS_LIST_SIZE) -> str:
    """Bitstring Status List's encodedList: GZIP, base64url, multibase ``u``.

    Bit 0 is the most significant bit of the first byte.
    """
    bits = bytearray(size // 8)
    for index in indices:
        bits[index // 8] |= 0x80 >> (index % 8)
    # mtime=0: the same revocations always encode to the same bytes.
    compressed = gzip.compress(bytes(bits), mtime=0)
    return "u" + base64.urlsafe_b64encode(compressed).decode().rstrip("=")


def status_list_payload(
    *, list_number: int, revoked_indices, now: datetime, valid_seconds: int
) -> dict:
    """A BitstringStatusListCredential (revocation), as a VC-JWT payload."""
    url = status_list_url(list_number)
    moment = int(now.timestamp())
    return {
        "@context": [VC2_CONTEXT],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer_did(),
        "validFrom": iso(now),
        "validUntil": iso(now + timedelta(seconds=valid_seconds)),
        "credentialSubject": {
            "id": f"{url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": "revocation",
            "encodedList": encode_bitstring(revoked_indices),
            "ttl": STATUS_LIST_TTL_SECONDS * 1000,
        },
        "iss": issuer_did(),
        "jti": url,
        "nbf": moment,
        "iat": moment,
    }


def enveloped(token: str) -> dict:
    """The VC-JWT as a JSON document (VC Data Model 2.0's enveloped credential)."""
    return {
        "@context": [VC2_CONTEXT],
        "id": f"data:application/vc+jwt,{token}",
        "type": "EnvelopedVerifiableCredential",
    }


def credential_uuid(verification_url: str) -> uuid.UUID:
    """A credential id derived from its certificate: stable, never reused."""
    return uuid.uuid5(uuid.NAMESPACE_URL, verification_url)
