"""Who signed in through which identity provider, and which groups make teams."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms.teams.models import Team


class SignInIdentity(models.Model):
    """A person's account at an OpenID Connect provider: (issuer, subject).

    Later sign-ins find the person by this pair, never by email alone: an
    email can change or be reused at the provider, the subject never does.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="sign_in_identities",
    )
    issuer = models.CharField(_("issuer"), max_length=255)
    subject = models.CharField(_("subject"), max_length=255)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    last_sign_in_at = models.DateTimeField(_("last sign-in"), default=timezone.now)

    class Meta:
        verbose_name = _("sign-in identity")
        verbose_name_plural = _("sign-in identities")
        constraints = [
            models.UniqueConstraint(
                fields=["issuer", "subject"], name="accounts_identity_unique"
            )
        ]

    def __str__(self):
        return f"{self.issuer} · {self.subject}"


class SignInGroupTeam(models.Model):
    """A group (or department) claim of the identity provider mapped to a team.

    At each company sign-in, a person whose groups claim holds ``group``
    joins ``team`` (and gets its assignments); one whose claim no longer
    holds it leaves. Teams with no mapping are never touched.
    """

    group = models.CharField(
        _("sign-in group"),
        max_length=200,
        help_text=_(
            "The group or department exactly as the identity provider sends it, "
            "e.g. “Sales” or a group ID."
        ),
    )
    team = models.ForeignKey(
        Team,
        verbose_name=_("team"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    class Meta:
        verbose_name = _("sign-in group → team")
        verbose_name_plural = _("sign-in groups → teams")
        ordering = ["group", "team__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["group", "team"], name="accounts_group_team_unique"
            )
        ]

    def __str__(self):
        return f"{self.group} → {self.team}"
