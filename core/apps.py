from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The bottom layer: content version, caches, plain-cursor reads, helpers."""

    name = "core"
    verbose_name = _("Relais core")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Receivers import models: only once the app registry is ready.
        from core import receivers

        receivers.track_content_models(*receivers.wagtail_content_models())
