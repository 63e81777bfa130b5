from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core import converters


class CoreConfig(AppConfig):
    """The bottom layer: content version, caches, plain-cursor reads, helpers."""

    name = "core"
    verbose_name = _("Relais core")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Before any URLconf is loaded (they are loaded lazily, on the first
        # request or reverse()), so ``<id:...>`` is known to them all.
        converters.register()

        # Receivers import models: only once the app registry is ready.
        from core import receivers

        receivers.track_content_models(*receivers.wagtail_content_models())
