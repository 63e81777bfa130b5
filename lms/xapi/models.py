"""The xAPI outbox: statements written with the event, delivered later."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OutboxStatement(models.Model):
    """One xAPI statement, written in the same transaction as its event.

    A background task delivers pending rows to the LRS in creation order
    (``pk``), retrying with backoff; a row is never deleted when delivery
    fails, so nothing is lost while the LRS is down. ``statement_id`` is
    derived from the event (UUIDv5), so a retry, or the same event recorded
    twice, is the same statement to the LRS, never a duplicate.
    """

    statement_id = models.UUIDField(_("statement id"), unique=True, editable=False)
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    verb = models.CharField(_("verb"), max_length=40)
    statement = models.JSONField(_("statement"))
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)
    tries = models.PositiveIntegerField(_("delivery attempts"), default=0)
    next_try_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("xAPI statement")
        verbose_name_plural = _("xAPI statements")
        ordering = ["pk"]
        default_permissions = ("view",)
        indexes = [
            models.Index(
                fields=["next_try_at", "id"],
                condition=models.Q(delivered_at__isnull=True),
                name="xapi_outbox_pending",
            )
        ]

    def __str__(self):
        return f"{self.verb} {self.statement_id}"
