"""Certificates: issued once per completion, verifiable by anyone, never rewritten.

A certificate snapshots what it certifies (holder name, course title, dates,
score, language) so later edits to the user or the course never change it.
Its status (valid, expired, revoked) is computed when read.
"""

import secrets
from datetime import datetime, timedelta
from urllib.parse import urlencode

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

VERIFICATION_CODE_BYTES = 24  # 192 bits, 32 URL-safe characters


def new_verification_code() -> str:
    """An unguessable, URL-safe code for the public verification page."""
    return secrets.token_urlsafe(VERIFICATION_CODE_BYTES)


def certificate_pdf_upload_to(instance, filename: str) -> str:
    # A random name unrelated to the verification code: the file is only ever
    # served through the owner-checked download view.
    return f"certificates/{timezone.now():%Y/%m}/{secrets.token_urlsafe(16)}.pdf"


# A valid certificate expiring within this many days is "expiring soon": the
# learner's dashboard offers recertification, the register flags it.
EXPIRING_SOON_DAYS = 60


class CertificateStatus(models.TextChoices):
    """A certificate's status, computed when read (never stored).

    The rule, once: a holder's erased data wins (the certificate then names
    no one and vouches for nothing), then revoked, then expired (on or after
    ``expires_at``), else valid; "expiring soon" is a valid certificate within
    a window, asked for explicitly. :func:`certificate_status_at` is the rule
    over values, :func:`certificate_status_expression` the same rule in SQL.
    """

    VALID = "valid", _("Valid")
    EXPIRING = "expiring", _("Expiring soon")
    EXPIRED = "expired", _("Expired")
    REVOKED = "revoked", _("Revoked")
    ERASED = "erased", _("Holder's data erased")


def certificate_status_at(
    *,
    revoked_at: datetime | None,
    expires_at: datetime | None,
    now: datetime,
    expiring_within_days: int | None = None,
    holder_erased_at: datetime | None = None,
) -> str:
    """A certificate's :class:`CertificateStatus` at ``now``."""
    if holder_erased_at:
        return CertificateStatus.ERASED
    if revoked_at:
        return CertificateStatus.REVOKED
    if expires_at and expires_at <= now:
        return CertificateStatus.EXPIRED
    if (
        expiring_within_days is not None
        and expires_at
        and expires_at <= now + timedelta(days=expiring_within_days)
    ):
        return CertificateStatus.EXPIRING
    return CertificateStatus.VALID


def certificate_status_expression(
    *, now: datetime, expiring_within_days: int | None = None
) -> models.Case:
    """:func:`certificate_status_at` as SQL over certificate rows."""
    whens = [
        models.When(
            holder_erased_at__isnull=False,
            then=models.Value(CertificateStatus.ERASED),
        ),
        models.When(
            revoked_at__isnull=False, then=models.Value(CertificateStatus.REVOKED)
        ),
        models.When(expires_at__lte=now, then=models.Value(CertificateStatus.EXPIRED)),
    ]
    if expiring_within_days is not None:
        soon = now + timedelta(days=expiring_within_days)
        whens.append(
            models.When(
                expires_at__lte=soon, then=models.Value(CertificateStatus.EXPIRING)
            )
        )
    return models.Case(
        *whens,
        default=models.Value(CertificateStatus.VALID),
        output_field=models.CharField(),
    )


class CertificateQuerySet(models.QuerySet):
    """Status filters matching :meth:`Certificate.status_at`."""

    def valid(self, now: datetime | None = None):
        now = now or timezone.now()
        return self.filter(
            revoked_at__isnull=True, holder_erased_at__isnull=True
        ).filter(models.Q(expires_at__isnull=True) | models.Q(expires_at__gt=now))

    def expiring_between(self, start: datetime, end: datetime):
        """Valid at ``start`` and expiring before ``end``."""
        return self.valid(start).filter(expires_at__lte=end)


class Certificate(models.Model):
    """Proof that a learner completed a course, with a public verification code."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="certificates",
    )
    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("course"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
        help_text=_("The original-language page; kept empty if the course is deleted."),
    )
    # SET_NULL keeps the certificate (and its verification page) if the course
    # and its enrolments are ever deleted: a certificate is a record for others.
    completion = models.OneToOneField(
        "courses.CourseCompletion",
        verbose_name=_("completion"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="certificate",
    )
    code = models.CharField(
        _("verification code"),
        max_length=64,
        unique=True,
        default=new_verification_code,
        editable=False,
    )
    holder_name = models.CharField(_("holder name"), max_length=255)
    course_title = models.CharField(_("course title"), max_length=255)
    completed_on = models.DateField(_("completion date"))
    issued_at = models.DateTimeField(_("issued at"), default=timezone.now)
    score_percent = models.DecimalField(
        _("score (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    language = models.CharField(_("language"), max_length=10)
    expires_at = models.DateTimeField(_("expires at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revocation_reason = models.TextField(_("revocation reason"), blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revoked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    holder_erased_at = models.DateTimeField(
        _("holder's data erased at"), null=True, blank=True, editable=False
    )
    pdf = models.FileField(
        _("PDF"), upload_to=certificate_pdf_upload_to, blank=True, editable=False
    )

    objects = CertificateQuerySet.as_manager()

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_at", "-pk"]
        default_permissions = ("view",)
        permissions = [("revoke_certificate", _("Can revoke certificates"))]

    def __str__(self):
        return f"{self.course_title} · {self.holder_name} ({self.issued_at:%Y-%m-%d})"

    def status_at(
        self, now: datetime | None = None, *, expiring_within_days: int | None = None
    ) -> str:
        return certificate_status_at(
            revoked_at=self.revoked_at,
            holder_erased_at=self.holder_erased_at,
            expires_at=self.expires_at,
            now=now or timezone.now(),
            expiring_within_days=expiring_within_days,
        )

    @property
    def status(self) -> str:
        return self.status_at()

    def get_status_display(self) -> str:
        return CertificateStatus(self.status).label

    @property
    def is_valid(self) -> bool:
        return self.status == CertificateStatus.VALID

    def days_until_expiry(self, now: datetime | None = None) -> int | None:
        if not self.expires_at:
            return None
        return (self.expires_at - (now or timezone.now())).days

    def get_verification_path(self) -> str:
        """The language-neutral path printed in the QR code and emails."""
        return reverse("certificate_verify_neutral", args=[self.code])

    def get_verification_url(self) -> str:
        """Absolute verification URL: QR codes and emails have no request."""
        return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + self.get_verification_path()

    def get_linkedin_add_url(self) -> str:
        """LinkedIn's public "Add licence or certification" link for it."""
        issued = timezone.localtime(self.issued_at)
        params = {
            "startTask": "CERTIFICATION_NAME",
            "name": self.course_title,
            "organizationName": settings.RELAIS_ORGANISATION_NAME,
            "issueYear": issued.year,
            "issueMonth": issued.month,
            "certUrl": self.get_verification_url(),
            "certId": self.code,
        }
        if self.expires_at:
            expires = timezone.localtime(self.expires_at)
            params["expirationYear"] = expires.year
            params["expirationMonth"] = expires.month
        return "https://www.linkedin.com/profile/add?" + urlencode(params)


class CertificateReminder(models.Model):
    """One expiry reminder stage sent for a certificate; never sent twice."""

    certificate = models.ForeignKey(
        Certificate,
        verbose_name=_("certificate"),
        on_delete=models.CASCADE,
        related_name="reminders",
    )
    stage_days = models.PositiveSmallIntegerField(
        _("stage (days before expiry)"),
    )
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)

    class Meta:
        verbose_name = _("certificate reminder")
        verbose_name_plural = _("certificate reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["certificate", "stage_days"],
                name="unique_certificate_reminder_stage",
            )
        ]

    def __str__(self):
        return f"{self.certificate_id}: {self.stage_days}-day reminder"
