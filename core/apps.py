from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The bottom layer: content version, caches, plain-cursor reads, helpers."""

    name = "core"
    verbose_name = _("Relais core")
    default_auto_field = "django.db.models.BigAutoField"
