"""Signing as VC-JWT with the issuer's current Ed25519 key (joserfc)."""

import warnings

from joserfc import jwt
from joserfc.errors import SecurityWarning

from lms.credentials.documents import key_id
from lms.credentials.keys import IssuerKey

#: Open Badges 3.0 names Ed25519 signatures "EdDSA" (RFC 8037); joserfc asks
#: for it to be allowed by name.
ALGORITHM = "EdDSA"


def sign(payload: dict, key: IssuerKey, *, media_type: str = "vc+jwt") -> str:
    """A compact JWS of ``payload``, its header naming the key by DID URL."""
    header = {"alg": ALGORITHM, "kid": key_id(key), "typ": media_type}
    with warnings.catch_warnings():
        # RFC 9864 prefers the name "Ed25519"; Open Badges 3.0 verifiers
        # (and its conformance suite) still expect "EdDSA".
        warnings.simplefilter("ignore", SecurityWarning)
        return jwt.encode(header, payload, key.key, algorithms=[ALGORITHM])
