"""What the provider says about a person beyond Django's user fields."""

from django.conf import settings
from django.db import models


class Profile(models.Model):
    """The locale and groups claims of one provider user."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    locale = models.CharField(max_length=20, blank=True)
    groups = models.CharField(max_length=500, blank=True, help_text="Comma-separated")
