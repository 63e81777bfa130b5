from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The demo loader and its ``load_demo`` command; no models."""

    name = "demo"
    verbose_name = _("Relais demo")
