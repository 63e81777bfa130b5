from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LmsConfig(AppConfig):
    """Cross-cutting parts of Relais: accounts, teams, reports, site chrome."""

    name = "lms"
    verbose_name = _("Relais")
