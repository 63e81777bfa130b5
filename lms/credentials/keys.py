"""The issuer's Ed25519 keys: from the environment or a file, never the database.

``RELAIS_CREDENTIAL_SIGNING_KEY`` names the current private key (a PEM file's
path, or the PEM itself); ``RELAIS_CREDENTIAL_RETIRED_KEYS`` lists earlier
keys (paths or PEMs, private or public). Only the current key signs; every key
is published in the issuer's DID document, so a credential signed before a
rotation still verifies through the key id (``kid``) in its header.

A key's id is its RFC 7638 thumbprint: stable, derived from the key itself, so
nothing has to be configured or stored to keep old ids resolvable.
"""

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from joserfc.jwk import OKPKey

NO_SIGNING_KEY = (
    "Credentials are on (RELAIS_CREDENTIALS_ENABLED) but no signing key is set: "
    "set RELAIS_CREDENTIAL_SIGNING_KEY to an Ed25519 private key (PEM) or its path "
    "(`manage.py credentials_key --generate PATH` makes one)."
)
NOT_ED25519 = "Credential key %(source)s is not an Ed25519 key."


@dataclass(frozen=True)
class IssuerKey:
    """One published key: its thumbprint id and the key (private when it signs)."""

    thumbprint: str
    key: OKPKey
    current: bool

    def public_jwk(self) -> dict:
        return self.key.as_dict(private=False)


def _pem_text(source: str) -> tuple[bytes, str]:
    """The PEM bytes of a setting value: the PEM itself, or a file's path."""
    if "-----BEGIN" in source:
        return source.encode(), "(inline PEM)"
    path = Path(source).expanduser()
    try:
        return path.read_bytes(), str(path)
    except OSError as error:
        raise ImproperlyConfigured(
            f"Cannot read credential key {path}: {error}"
        ) from None


def _load(source: str, *, current: bool) -> IssuerKey:
    data, label = _pem_text(source)
    try:
        key = OKPKey.import_key(data)
    except Exception as error:  # joserfc raises several types for bad input
        raise ImproperlyConfigured(NOT_ED25519 % {"source": label}) from error
    if key.as_dict(private=False).get("crv") != "Ed25519":
        raise ImproperlyConfigured(NOT_ED25519 % {"source": label})
    if current and not key.is_private:
        raise ImproperlyConfigured(
            f"The signing key {label} is a public key: give the private key."
        )
    return IssuerKey(thumbprint=key.thumbprint(), key=key, current=current)


@lru_cache(maxsize=4)
def _keys(signing: str, retired: tuple[str, ...]) -> tuple[IssuerKey, ...]:
    keys = [_load(signing, current=True)] if signing else []
    seen = {key.thumbprint for key in keys}
    for source in retired:
        key = _load(source, current=False)
        if key.thumbprint not in seen:
            keys.append(key)
            seen.add(key.thumbprint)
    return tuple(keys)


def credentials_enabled() -> bool:
    """Credentials are on and a signing key is configured."""
    return bool(
        settings.RELAIS_CREDENTIALS_ENABLED and settings.RELAIS_CREDENTIAL_SIGNING_KEY
    )


def published_keys() -> tuple[IssuerKey, ...]:
    """Every key a verifier may need: the current one first, then retired ones."""
    return _keys(
        settings.RELAIS_CREDENTIAL_SIGNING_KEY,
        tuple(settings.RELAIS_CREDENTIAL_RETIRED_KEYS),
    )


def signing_key() -> IssuerKey:
    """The current private key; ImproperlyConfigured when there is none."""
    keys = published_keys()
    if not keys or not keys[0].current:
        raise ImproperlyConfigured(NO_SIGNING_KEY)
    return keys[0]


def generate_private_key_pem() -> bytes:
    """A new Ed25519 private key as PKCS#8 PEM (for `credentials_key --generate`)."""
    return Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
