from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    """Each person's data: exported on request, erased on request or by retention."""

    name = "lms.privacy"
    label = "privacy"
    verbose_name = _("Personal data")
    default_auto_field = "django.db.models.BigAutoField"
