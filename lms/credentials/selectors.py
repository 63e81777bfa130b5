"""Reads for credentials: a certificate's credential, a status list's bits."""

from django.db.models import Q

from lms.credentials.models import IssuedCredential


def credential_for_certificate(*, certificate) -> IssuedCredential | None:
    return IssuedCredential.objects.filter(certificate=certificate).first()


def revoked_indices(*, list_number: int) -> list[int]:
    """The set bits of a status list: credentials whose certificate is revoked,
    or whose holder's data was erased (it vouches for no one any more)."""
    return list(
        IssuedCredential.objects.filter(list_number=list_number)
        .filter(
            Q(certificate__revoked_at__isnull=False)
            | Q(certificate__holder_erased_at__isnull=False)
        )
        .values_list("status_index", flat=True)
    )


def status_list_exists(*, list_number: int) -> bool:
    return (
        list_number == 1
        or IssuedCredential.objects.filter(list_number=list_number).exists()
    )
