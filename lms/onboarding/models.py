"""An uploaded people file, kept on the server between the dry run and "Apply".

The file's bytes live in the database with their SHA-256, under a random
token that names the import in the admin's URLs. The dry run and the apply
both re-read these bytes: the plan is never taken from the browser. Once
applied, the import records when, by whom and what it changed, so a second
click on "Apply" (or a retried request) returns that result instead of
applying again.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PeopleImport(models.Model):
    """One uploaded people file (CSV or XLSX), its dry runs and its apply."""

    token = models.CharField(_("token"), max_length=64, unique=True, editable=False)
    filename = models.CharField(_("file name"), max_length=255, blank=True)
    content = models.BinaryField(_("content"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now)
    applied_at = models.DateTimeField(_("applied at"), null=True, blank=True)
    applied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("applied by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    result = models.JSONField(_("result"), default=dict, blank=True)

    class Meta:
        verbose_name = _("people import")
        verbose_name_plural = _("people imports")
        ordering = ["-uploaded_at", "-pk"]

    def __str__(self):
        return self.filename or self.token[:8]
