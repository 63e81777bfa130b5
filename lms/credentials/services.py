"""Issuing Open Badges 3.0 credentials beside certificates.

A certificate gets its credential when it is issued (``courses`` announces it
with ``certificate_issued``), or on its first download for a certificate issued
before credentials were switched on. Issuing is idempotent and race-safe: one
certificate, one credential, one status bit, whoever asks first.
"""

import secrets
from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.log_actions import log

from lms.credentials.documents import (
    STATUS_LIST_SIZE,
    credential_payload,
    credential_uuid,
)
from lms.credentials.keys import signing_key
from lms.credentials.models import IssuedCredential
from lms.credentials.signing import sign

ISSUE_ACTION = "relais.credential.issue"
# A list is left once half its bits are taken, so a random free bit is found
# in a few tries and each list keeps a crowd to hide its revocations in.
LIST_FILL = STATUS_LIST_SIZE // 2
INDEX_TRIES = 20


def _free_status_bit() -> tuple[int, int]:
    """A random unused (list, index); the unique constraint settles races."""
    list_number = 1 + IssuedCredential.objects.count() // LIST_FILL
    for _attempt in range(INDEX_TRIES):
        index = secrets.randbelow(STATUS_LIST_SIZE)
        taken = IssuedCredential.objects.filter(
            list_number=list_number, status_index=index
        ).exists()
        if not taken:
            return list_number, index
    raise RuntimeError("No free status list bit found")  # 2**-20 odds at half full


@transaction.atomic
def credential_issue(*, certificate, now: datetime | None = None) -> IssuedCredential:
    """The certificate's credential, signing it the first time only.

    Signs with the current key (ImproperlyConfigured if none). The recipient
    is the learner's email, salted and hashed. Audit-logged on the certificate.
    """
    existing = IssuedCredential.objects.filter(certificate=certificate).first()
    if existing is not None:
        return existing
    now = now or timezone.now()
    key = signing_key()
    for _attempt in range(INDEX_TRIES):
        list_number, index = _free_status_bit()
        record = IssuedCredential(
            certificate=certificate,
            uuid=credential_uuid(certificate.get_verification_url()),
            salt=secrets.token_hex(16),
            list_number=list_number,
            status_index=index,
            key_thumbprint=key.thumbprint,
            issued_at=now,
        )
        payload = credential_payload(
            certificate=certificate,
            record=record,
            email=certificate.learner.email,
            now=now,
        )
        record.token = sign(payload, key)
        record.full_clean(exclude=["certificate", "uuid"], validate_unique=False)
        try:
            with transaction.atomic():
                record.save()
        except IntegrityError:
            # Issued meanwhile by another request, or the bit was taken.
            existing = IssuedCredential.objects.filter(certificate=certificate).first()
            if existing is not None:
                return existing
            continue
        log(
            instance=certificate,
            action=ISSUE_ACTION,
            data={"credential": str(record), "key": key.thumbprint},
        )
        return record
    raise RuntimeError("Could not issue the credential")
