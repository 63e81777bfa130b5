from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CredentialsConfig(AppConfig):
    """Open Badges 3.0 credentials issued beside each certificate."""

    name = "lms.credentials"
    label = "credentials"
    verbose_name = _("Credentials")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import receivers  # noqa: F401  (connects signal receivers)
