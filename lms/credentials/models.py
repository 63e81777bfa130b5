"""The record of each Open Badges 3.0 credential issued beside a certificate."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class IssuedCredential(models.Model):
    """A certificate's OpenBadgeCredential, signed once and kept as issued.

    The signed VC-JWT is stored, not re-made on each download: a credential is
    issued once, and one signed before a key rotation keeps its key id and
    still verifies. Revocation lives in the certificate (``revoked_at``); the
    status list publishes it through ``status_index``, the credential's bit in
    status list ``list_number``.
    """

    certificate = models.OneToOneField(
        "courses.Certificate",
        verbose_name=_("certificate"),
        on_delete=models.CASCADE,
        related_name="credential",
    )
    uuid = models.UUIDField(_("credential id"), unique=True, editable=False)
    salt = models.CharField(_("recipient hash salt"), max_length=64, editable=False)
    list_number = models.PositiveIntegerField(_("status list"), default=1)
    status_index = models.PositiveIntegerField(_("status list index"))
    key_thumbprint = models.CharField(_("signing key"), max_length=64)
    token = models.TextField(_("signed credential (VC-JWT)"), editable=False)
    issued_at = models.DateTimeField(_("issued at"), default=timezone.now)

    class Meta:
        verbose_name = _("issued credential")
        verbose_name_plural = _("issued credentials")
        default_permissions = ("view",)
        constraints = [
            models.UniqueConstraint(
                fields=["list_number", "status_index"],
                name="unique_credential_status_bit",
            )
        ]

    def __str__(self):
        return f"urn:uuid:{self.uuid}"
