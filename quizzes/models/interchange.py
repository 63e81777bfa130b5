"""Question files imported into the bank, kept between their preview and confirm."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class QuestionBankImport(models.Model):
    """One uploaded question file, from its preview to its confirmation.

    The file stays on the server between the two steps and is read again on
    confirm: the browser never sends back a parsed result to trust. Confirming
    locks this row and fills ``confirmed_at``, so a double click or a second
    tab imports once.
    """

    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    locale = models.ForeignKey(
        "wagtailcore.Locale", on_delete=models.PROTECT, related_name="+"
    )
    filename = models.CharField(_("file name"), max_length=255)
    format_code = models.CharField(_("format"), max_length=20)
    source = models.FileField(_("file"), upload_to="question_imports/")
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("imported"), null=True, blank=True)
    #: What the confirmation did: ids created, ids matched, the quiz used.
    result = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("question import")
        verbose_name_plural = _("question imports")

    def __str__(self):
        return self.filename
