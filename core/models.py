"""The content version: one counter that keys every render cache of learner pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ContentVersion(models.Model):
    """A counter bumped, in the same transaction, by any change a learner page shows.

    Pages, view restrictions, sites, locales, images, documents and the
    models other apps register (``core.receivers``) bump it. Learner pages
    read it first, with one primary-key query, and put it in every cache key,
    so a change shows on the next request in every process, even with a
    per-process cache. There is one row, ``pk=1``.
    """

    value = models.PositiveBigIntegerField(_("value"), default=0)

    class Meta:
        verbose_name = _("content version")
        verbose_name_plural = _("content version")

    def __str__(self):
        return str(self.value)
