"""Certificate reads: downloads, public verification, expiry reminders."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.http import Http404

from courses.models import Certificate


def certificate_for_owner(*, user, pk: int):
    """A certificate its holder (or a certificate viewer) may download, else 404."""
    certificates = Certificate.objects.all()
    if not user.has_perm("courses.view_certificate"):
        certificates = certificates.filter(learner=user)
    try:
        return certificates.get(pk=pk)
    except Certificate.DoesNotExist as error:
        raise Http404 from error


def certificate_by_code(*, code: str):
    """The certificate with a verification code, or None."""
    return Certificate.objects.filter(code=code).first()


def certificates_due_reminder(*, now: datetime.datetime, stages: tuple) -> list:
    """Valid certificates within the widest reminder stage, with their holder.

    Holders whose account is deactivated (leavers) are left out, and nothing
    is logged for them, so their reminders resume if they are reactivated.

    Certificates whose holder already recertified (a newer certificate for the
    same course) are left out: there is nothing to remind them of.
    """
    horizon = now + datetime.timedelta(days=max(stages))
    candidates = list(
        Certificate.objects.expiring_between(now, horizon)
        .filter(learner__is_active=True)
        .select_related("learner")
        .prefetch_related("reminders")
    )
    newer = set(
        Certificate.objects.filter(
            learner__in={c.learner_id for c in candidates},
            course__in={c.course_id for c in candidates} - {None},
        ).values_list("learner_id", "course_id", "issued_at")
    )
    return [
        certificate
        for certificate in candidates
        if not any(
            learner_id == certificate.learner_id
            and course_id == certificate.course_id
            and issued_at > certificate.issued_at
            for learner_id, course_id, issued_at in newer
        )
    ]


def email_language(language: str | None) -> str:
    """A language Relais speaks, for emails sent outside a request."""
    codes = {code for code, _name in settings.LANGUAGES}
    return language if language in codes else settings.LANGUAGE_CODE
