"""The record that a person's data was erased, kept without their data."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PersonErasure(models.Model):
    """A person whose personal data was erased; the user row stays, pseudonymous.

    Their learning records stay attached to the pseudonymous user, so report
    aggregates and item analysis still count them, as an anonymous learner.
    This row makes erasure idempotent and says when and by whom, nothing more.
    """

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="erasure",
    )
    erased_at = models.DateTimeField(_("erased at"), default=timezone.now)
    erased_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("erased by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reason = models.CharField(_("reason"), max_length=40)

    class Meta:
        verbose_name = _("erasure")
        verbose_name_plural = _("erasures")
        default_permissions = ()

    def __str__(self):
        return f"erasure {self.pk}"
