"""Erasing a person's data, on request or by the retention policy.

Erasure keeps the rows that reports and item analysis count (enrolments,
progress, attempts, completions, memberships), attached to the same user row,
which becomes pseudonymous: no name, no email, no password, inactive. What
identifies the person is removed or replaced everywhere Relais keeps it: the
user and their profile (avatar file included), certificate holder names and
PDFs, Open Badge tokens (their hashed email), free-text answers and graders'
feedback, queued xAPI statements, Wagtail's audit log and comments, Django's
admin log, and the cache. Their certificates then verify as "holder's data
erased". Erasure is idempotent and is logged without the personal data.
"""

import json
import re
import uuid
from datetime import datetime, timedelta

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, TextField
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import Comment, CommentReply, ModelLogEntry, PageLogEntry
from wagtail.users.models import UserProfile

from courses.models import Certificate
from lms.accounts.models import SignInIdentity
from lms.credentials.models import IssuedCredential
from lms.onboarding.models import PeopleImport
from lms.privacy.models import PersonErasure
from lms.privacy.selectors import people_inactive_since
from lms.xapi.models import OutboxStatement
from quizzes.models import AttemptQuestion, ResponseSelection

ERASE_ACTION = "relais.person.erase"
CONFIRMATION_MISMATCH = _(
    "To confirm, type the person's email address exactly as it is on their account."
)
NOT_YOURSELF = _("You cannot erase your own account.")
#: What replaces erased free text (answers, names in logs).
ERASED = "[erased]"
#: Question types whose answers are the learner's own words.
FREE_TEXT_TYPES = ("short_text", "essay")
#: Shorter strings are too likely to be part of other words to replace blindly.
MIN_SCRUB_LENGTH = 3


def personal_strings(person) -> list[str]:
    """What identifies a person in free text, longest first."""
    full_name = person.get_full_name()
    candidates = {
        person.get_username(),
        person.email,
        person.first_name,
        person.last_name,
        full_name,
        person.email.split("@")[0] if person.email else "",
    }
    found = {value.strip() for value in candidates if value and value.strip()}
    return sorted(
        (value for value in found if len(value) >= MIN_SCRUB_LENGTH),
        key=len,
        reverse=True,
    )


def _scrubber(strings: list[str]):
    if not strings:
        return lambda text: text
    pattern = re.compile("|".join(re.escape(value) for value in strings), re.IGNORECASE)
    return lambda text: pattern.sub(ERASED, text) if text else text


def _mentions(strings: list[str], *fields: str) -> Q:
    """Rows where any field mentions any string (JSON text in either escaping)."""
    query = Q()
    for value in strings:
        escaped = json.dumps(value)[1:-1]
        for field in fields:
            query |= Q(**{f"{field}__icontains": value})
            if escaped != value:
                query |= Q(**{f"{field}__icontains": escaped})
    return query


def _scrub_json(data, scrub):
    if isinstance(data, str):
        return scrub(data)
    if isinstance(data, list):
        return [_scrub_json(item, scrub) for item in data]
    if isinstance(data, dict):
        return {key: _scrub_json(value, scrub) for key, value in data.items()}
    return data


def _scrub_logs(strings: list[str], scrub) -> None:
    if not strings:
        return
    for model in (ModelLogEntry, PageLogEntry):
        entries = model.objects.annotate(data_text=Cast("data", TextField())).filter(
            _mentions(strings, "label", "data_text")
        )
        for entry in entries:
            entry.label = scrub(entry.label)
            entry.data = _scrub_json(entry.data, scrub)
            entry.save(update_fields=["label", "data"])
    for entry in LogEntry.objects.filter(
        _mentions(strings, "object_repr", "change_message")
    ):
        entry.object_repr = scrub(entry.object_repr)
        entry.change_message = scrub(entry.change_message)
        entry.save(update_fields=["object_repr", "change_message"])
    for model in (Comment, CommentReply):
        for comment in model.objects.filter(_mentions(strings, "text")):
            comment.text = scrub(comment.text)
            comment.save(update_fields=["text"])


def _erase_certificates(person, *, now: datetime, scrub) -> None:
    for certificate in Certificate.objects.filter(learner=person):
        if certificate.pdf:
            certificate.pdf.delete(save=False)
        certificate.holder_name = ""
        certificate.holder_erased_at = certificate.holder_erased_at or now
        certificate.revocation_reason = scrub(certificate.revocation_reason)
        certificate.save(
            update_fields=[
                "pdf",
                "holder_name",
                "holder_erased_at",
                "revocation_reason",
            ]
        )
    # The hashed email and its salt go; the row keeps the credential's status
    # bit, which the status list now sets (an erased holder vouches for nothing).
    IssuedCredential.objects.filter(certificate__learner=person).update(
        token="", salt=""
    )


def _erase_answers(person, scrub) -> None:
    rows = AttemptQuestion.objects.filter(attempt__learner=person)
    for row in rows.filter(question_type__in=FREE_TEXT_TYPES).exclude(response=None):
        row.response = _scrub_json(row.response, lambda text: ERASED if text else text)
        row.feedback = scrub(row.feedback)
        row.save(update_fields=["response", "feedback"])
    # The analysis rows of free text hold the answer too (normalised).
    ResponseSelection.objects.filter(
        attempt_question__attempt__learner=person,
        attempt_question__question_type__in=FREE_TEXT_TYPES,
    ).update(label=ERASED)
    for row in rows.exclude(question_type__in=FREE_TEXT_TYPES).exclude(feedback=""):
        row.feedback = scrub(row.feedback)
        row.save(update_fields=["feedback"])


def _erase_people_imports(person, scrub) -> None:
    """Uploaded people files may list them: an applied file is no longer
    needed, and one not applied that names them is dropped too."""
    email = person.email.lower().encode()
    for upload in PeopleImport.objects.all():
        content = bytes(upload.content or b"")
        names_them = bool(email) and email in content.lower()
        if upload.applied_at or names_them or content[:2] == b"PK":  # XLSX: zipped
            upload.content = b""
        upload.result = _scrub_json(upload.result, scrub)
        upload.save(update_fields=["content", "result"])


def _erase_user(person) -> None:
    profile = UserProfile.get_for_user(person)
    if profile.avatar:
        profile.avatar.delete(save=False)
    profile.avatar = None
    profile.save()
    person.username = f"erased-{uuid.uuid4().hex[:16]}"
    person.first_name = person.last_name = person.email = ""
    person.set_unusable_password()
    person.is_active = False
    person.is_staff = person.is_superuser = False
    person.save()
    person.groups.clear()
    person.user_permissions.clear()


def _erase(person, *, by, reason: str, now: datetime) -> PersonErasure:
    strings = personal_strings(person)
    scrub = _scrubber(strings)
    _erase_certificates(person, now=now, scrub=scrub)
    _erase_answers(person, scrub)
    OutboxStatement.objects.filter(learner=person).delete()
    # Their company sign-in identity (the provider's subject) and the login
    # throttle's records of their username go: a new sign-in starts afresh.
    SignInIdentity.objects.filter(user=person).delete()
    for model in (AccessAttempt, AccessLog, AccessFailureLog):
        model.objects.filter(username__iexact=person.get_username()).delete()
    _scrub_logs(strings, scrub)
    _erase_people_imports(person, scrub)
    _erase_user(person)
    erasure = PersonErasure.objects.create(
        person=person, erased_at=now, erased_by=by, reason=reason
    )
    log(
        instance=erasure,
        action=ERASE_ACTION,
        user=by,
        data={"person_id": person.pk, "reason": reason},
    )
    # Rendered pages and fragments may hold their name: start afresh.
    transaction.on_commit(cache.clear)
    return erasure


@transaction.atomic
def person_erase(
    *, person, by, confirmation: str, now: datetime | None = None
) -> PersonErasure:
    """Erase a person's data at an administrator's request; idempotent.

    ``confirmation`` must be the person's email (their username when they
    have none), typed by the administrator. An already erased person is
    returned as is, whatever was typed.
    """
    person = get_user_model().objects.select_for_update().get(pk=person.pk)
    existing = PersonErasure.objects.filter(person=person).first()
    if existing is not None:
        return existing
    if by is not None and by.pk == person.pk:
        raise ValidationError(NOT_YOURSELF)
    expected = person.email or person.get_username()
    if confirmation.strip().casefold() != expected.strip().casefold():
        raise ValidationError({"confirmation": CONFIRMATION_MISMATCH})
    return _erase(person, by=by, reason="request", now=now or timezone.now())


def people_erase_inactive(*, months: int, now: datetime | None = None) -> int:
    """The retention policy: erase people inactive for ``months``; off at 0.

    Staff and superusers are never erased this way. One transaction per
    person, so a failure leaves the others done.
    """
    if months <= 0:
        return 0
    now = now or timezone.now()
    cutoff = now - timedelta(days=round(months * 30.44))
    erased = 0
    for person_id in people_inactive_since(cutoff=cutoff).values_list("pk", flat=True):
        with transaction.atomic():
            person = get_user_model().objects.select_for_update().get(pk=person_id)
            if not PersonErasure.objects.filter(person=person).exists():
                _erase(person, by=None, reason="retention", now=now)
                erased += 1
    return erased
