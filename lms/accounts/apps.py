from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """How people sign in: their organisation's identity provider (OpenID
    Connect) or a local password, with password reset and login throttling."""

    name = "lms.accounts"
    label = "accounts"
    verbose_name = _("Sign-in")
    default_auto_field = "django.db.models.BigAutoField"
