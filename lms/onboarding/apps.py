from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OnboardingConfig(AppConfig):
    """Bulk onboarding: the admin's "People import" from a CSV or XLSX file."""

    name = "lms.onboarding"
    label = "onboarding"
    verbose_name = _("People import")
    default_auto_field = "django.db.models.BigAutoField"
