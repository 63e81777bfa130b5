"""Write-side services: enrolment, progress, completion, certificates, charter.

Every service is keyword-only, runs in a transaction and is idempotent: a
double click, two tabs, a retried task or two concurrent requests leave the
same rows as a single call. Unique constraints are the final guard; services
create rows through :func:`core.db.get_or_create`, which returns the existing
row to whoever loses a race.

The lesson-done rule: a lesson is done when the enrolled learner marks it
complete (a POST from the lesson page); reading or scrolling records nothing.

The completion rule: every live required lesson of the course is done in the
current cycle and, if the course has a final quiz, a passing attempt at any of
its translations was submitted in the current cycle. A course with neither a
required lesson nor a final quiz is never completed. Completion is recorded
once per cycle and issues exactly one certificate.
"""

from __future__ import annotations

import calendar
import datetime
import hashlib

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.blocks import StructValue
from wagtail.fields import StreamField
from wagtail.log_actions import log
from wagtail.models import Page, TranslatableMixin

from core.db import get_or_create
from core.people import person_language
from courses.models import (
    Certificate,
    CertificateReminder,
    CharterAcknowledgement,
    CharterPage,
    CharterVersion,
    CourseCompletion,
    CoursePage,
    Enrolment,
    EnrolmentSource,
    LessonPage,
    LessonProgress,
)
from courses.pdf import certificate_pdf_bytes
from courses.selectors import (
    canonical_page,
    certificates_due_reminder,
    enrolment_progress,
    page_in_language,
)
from courses.signals import (
    certificate_issued,
    course_completed,
    enrolled,
    lesson_completed,
)
from courses.tasks import (
    send_certificate_expiring,
    send_certificate_issued,
    send_enrolment_confirmation,
)

LESSON_NOT_IN_COURSE = _("This lesson does not belong to the enrolment's course.")
RECERTIFICATION_NOT_OPEN = _(
    "You can take this course again once your certificate is about to expire, "
    "has expired or was revoked."
)
REVOCATION_REASON_REQUIRED = _("Give the reason for revoking this certificate.")
ALREADY_REVOKED = _("This certificate is already revoked.")
CHARTER_VERSION_OUTDATED = _(
    "The charter changed while you were reading it. Read the new version below, "
    "then confirm again."
)

REVOKE_ACTION = "relais.certificate.revoke"
CHARTER_VERSION_ACTION = "relais.charter.new_version"
CHARTER_ACKNOWLEDGE_ACTION = "relais.charter.acknowledge"
REMINDER_STAGES = (60, 30, 7)


def add_months(moment: datetime.datetime, months: int) -> datetime.datetime:
    """``moment`` plus whole calendar months, clamped to the month's last day."""
    index = moment.month - 1 + months
    year, month = moment.year + index // 12, index % 12 + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def _lock(enrolment: Enrolment) -> Enrolment:
    """Re-read an enrolment under a row lock (only the enrolment row).

    Serialises evaluations of one learner's course, so concurrent requests
    queue instead of racing; other learners and the course page stay free.
    """
    return (
        Enrolment.objects.select_for_update(of=("self",))
        .select_related("course")
        .get(pk=enrolment.pk)
    )


def _on_commit_enqueue(task, **kwargs) -> None:
    transaction.on_commit(lambda: task.enqueue(**kwargs))


# --- Enrolment ----------------------------------------------------------------


@transaction.atomic
def enrol(
    *,
    learner,
    course: CoursePage,
    due_on: datetime.date | None = None,
    assigned_by=None,
    source: str = EnrolmentSource.SELF,
    now: datetime.datetime | None = None,
) -> Enrolment:
    """Enrol a learner in a course (any translation of it); idempotent.

    Self-enrolment and manager assignment both come here. Enrolling again
    returns the existing enrolment; an assignment on an existing enrolment
    records who assigned it and may set or bring forward the due date, never
    push it back. The confirmation email goes out once, after commit.
    ``now`` (default: the current time) dates a new enrolment.
    """
    now = now or timezone.now()
    if not isinstance(course, CoursePage):
        course = course.specific
    canonical = canonical_page(course)
    enrolment, created = get_or_create(
        Enrolment,
        {"learner": learner, "course": canonical},
        {
            "source": source,
            "assigned_by": assigned_by,
            "due_on": due_on,
            "language": person_language(learner),
            "enrolled_at": now,
            "cycle_started_at": now,
        },
    )
    if created:
        enrolled.send(sender=Enrolment, enrolment=enrolment)
        _on_commit_enqueue(send_enrolment_confirmation, enrolment_id=enrolment.pk)
        return enrolment
    if source == EnrolmentSource.ASSIGNMENT:
        enrolment = _lock(enrolment)
        enrolment.source = EnrolmentSource.ASSIGNMENT
        enrolment.assigned_by = assigned_by or enrolment.assigned_by
        if due_on and (enrolment.due_on is None or due_on < enrolment.due_on):
            enrolment.due_on = due_on
        enrolment.full_clean(validate_unique=False, validate_constraints=False)
        enrolment.save(update_fields=["source", "assigned_by", "due_on"])
    return enrolment


@transaction.atomic
def enrolment_restart(*, enrolment: Enrolment) -> Enrolment:
    """Start a new cycle (recertification); earlier completions are kept.

    Allowed once the current cycle is complete and its certificate expires
    within the reminder window, has expired or was revoked. Two concurrent
    restarts start one cycle: the second finds the new cycle incomplete.
    """
    enrolment = _lock(enrolment)
    if not enrolment_progress(enrolment=enrolment).can_recertify:
        raise ValidationError(RECERTIFICATION_NOT_OPEN)
    enrolment.cycle += 1
    enrolment.cycle_started_at = timezone.now()
    enrolment.full_clean(validate_unique=False, validate_constraints=False)
    enrolment.save(update_fields=["cycle", "cycle_started_at"])
    return enrolment


@transaction.atomic
def enrolment_renew(
    *, enrolment: Enrolment, due_on: datetime.date, now: datetime.datetime | None = None
) -> Enrolment:
    """Give a recurring assignment's new cycle: a fresh cycle, due on ``due_on``.

    A new cycle starts only if the current one is complete (a learner already
    recertifying keeps the cycle they started); either way the due date
    becomes ``due_on``, later or not. Under the enrolment's row lock, so two
    concurrent renewals start one cycle. ``now`` dates the new cycle.
    """
    enrolment = _lock(enrolment)
    fields = ["due_on"]
    current_done = CourseCompletion.objects.filter(
        enrolment=enrolment, cycle=enrolment.cycle
    ).exists()
    if current_done:
        enrolment.cycle += 1
        enrolment.cycle_started_at = now or timezone.now()
        fields += ["cycle", "cycle_started_at"]
    enrolment.due_on = due_on
    enrolment.full_clean(validate_unique=False, validate_constraints=False)
    enrolment.save(update_fields=fields)
    return enrolment


# --- Progress and completion ----------------------------------------------------


@transaction.atomic
def lesson_complete(
    *,
    enrolment: Enrolment,
    lesson: LessonPage,
    now: datetime.datetime | None = None,
) -> LessonProgress:
    """Record that the learner marked a lesson complete; idempotent.

    Any translation of the lesson may be given. Re-evaluates the course's
    completion, which may issue the certificate. ``now`` (default: the
    current time) dates the progress and any completion.
    """
    now = now or timezone.now()
    lesson = canonical_page(lesson)
    in_course = Page.objects.filter(
        path=lesson.path[: -Page.steplen],
        translation_key=enrolment.course.translation_key,
    ).exists()
    if not in_course:
        raise ValidationError(LESSON_NOT_IN_COURSE)
    progress, created = get_or_create(
        LessonProgress,
        {"enrolment": enrolment, "lesson": lesson, "cycle": enrolment.cycle},
        {"completed_at": now},
    )
    if created:
        lesson_completed.send(sender=LessonProgress, progress=progress)
    completion_evaluate(enrolment=enrolment, now=now)
    return progress


@transaction.atomic
def completion_evaluate(
    *, enrolment: Enrolment, now: datetime.datetime | None = None
) -> CourseCompletion | None:
    """Record the current cycle's completion if the rule now holds; idempotent.

    Returns the completion (new or existing), or None while the rule is not
    met. A completion always gets its certificate. ``now`` (default: the
    current time) dates a new completion, and so its certificate.
    """
    enrolment = _lock(enrolment)
    progress = enrolment_progress(enrolment=enrolment)
    if progress.is_complete:
        completion = progress.completion
        if progress.certificate is not None:
            return completion
    elif progress.rule_met:
        best = progress.quiz_pass
        completion, created = get_or_create(
            CourseCompletion,
            {"enrolment": enrolment, "cycle": enrolment.cycle},
            {
                "completed_at": now or timezone.now(),
                "score_percent": best.score_percent if best else None,
            },
        )
        if created:
            completion.enrolment = enrolment
            course_completed.send(sender=CourseCompletion, completion=completion)
    else:
        return None
    completion.enrolment = enrolment
    certificate_issue(completion=completion)
    return completion


@transaction.atomic
def completions_evaluate_for_quiz(
    *, learner, quiz, now: datetime.datetime | None = None
) -> list[CourseCompletion]:
    """Re-evaluate the learner's courses whose final quiz is ``quiz`` (any translation).

    Called when a quiz attempt is submitted, with ``now`` its submission time.
    """
    enrolments = Enrolment.objects.filter(
        learner=learner, course__final_quiz__translation_key=quiz.translation_key
    ).select_related("course")
    completions = [
        completion_evaluate(enrolment=enrolment, now=now) for enrolment in enrolments
    ]
    return [completion for completion in completions if completion is not None]


@transaction.atomic
def completions_evaluate_for_scenario(
    *, learner, scenario, now: datetime.datetime | None = None
) -> list[CourseCompletion]:
    """Re-evaluate the learner's courses that require ``scenario`` (any translation).

    Called when a run of it finishes, with ``now`` its finishing time.
    """
    enrolments = Enrolment.objects.filter(
        learner=learner,
        course__required_scenario__translation_key=scenario.translation_key,
    ).select_related("course")
    completions = [
        completion_evaluate(enrolment=enrolment, now=now) for enrolment in enrolments
    ]
    return [completion for completion in completions if completion is not None]


# --- Certificates -----------------------------------------------------------------


@transaction.atomic
def certificate_issue(*, completion: CourseCompletion) -> Certificate:
    """The completion's certificate, issuing it the first time; race-safe.

    Snapshots the holder's name and the course title in the learner's
    preferred language at issue time (``core.people.person_language``), not
    the request's: a completion recorded by a scheduled command gets the same
    certificate as one recorded in the learner's own request (without a
    preference: the language they enrolled in). Validity comes from the
    original-language course. The "certificate issued" email goes out after
    commit, once.
    """
    existing = Certificate.objects.filter(completion=completion).first()
    if existing is not None:
        return existing
    enrolment = completion.enrolment
    course, learner = enrolment.course, enrolment.learner
    language = person_language(learner, default=enrolment.language)
    months = course.certificate_validity_months
    certificate, created = get_or_create(
        Certificate,
        {"completion": completion},
        {
            "learner": learner,
            "course": course,
            "holder_name": learner.get_full_name() or learner.get_username(),
            "course_title": page_in_language(page=course, language_code=language).title,
            "completed_on": timezone.localdate(completion.completed_at),
            "issued_at": completion.completed_at,
            "score_percent": completion.score_percent,
            "language": language,
            "expires_at": add_months(completion.completed_at, months)
            if months
            else None,
        },
    )
    if created:
        certificate_issued.send(sender=Certificate, certificate=certificate)
        _on_commit_enqueue(send_certificate_issued, certificate_id=certificate.pk)
    return certificate


@transaction.atomic
def certificate_revoke(*, certificate: Certificate, reason: str, by) -> Certificate:
    """Revoke a certificate with a reason; audit-logged in Wagtail's history.

    The verification URL keeps working and shows the certificate as revoked.
    """
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": REVOCATION_REASON_REQUIRED})
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if certificate.revoked_at:
        raise ValidationError(ALREADY_REVOKED)
    certificate.revoked_at = timezone.now()
    certificate.revocation_reason = reason
    certificate.revoked_by = by
    certificate.full_clean(validate_unique=False, validate_constraints=False)
    certificate.save(update_fields=["revoked_at", "revocation_reason", "revoked_by"])
    log(instance=certificate, action=REVOKE_ACTION, user=by, data={"reason": reason})
    return certificate


@transaction.atomic
def certificate_pdf_ensure(*, certificate: Certificate) -> Certificate:
    """The certificate with its PDF stored, generating it the first time only.

    A stored file that went missing (e.g. media restored from an older backup)
    is generated again from the certificate's snapshot.
    """

    def stored(item: Certificate) -> bool:
        return bool(item.pdf) and item.pdf.storage.exists(item.pdf.name)

    if stored(certificate):
        return certificate
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if not stored(certificate):
        content = certificate_pdf_bytes(certificate=certificate)
        certificate.pdf.save("certificate.pdf", ContentFile(content), save=False)
        certificate.save(update_fields=["pdf"])
    return certificate


def certificate_reminders_send(
    *, now: datetime.datetime | None = None, stages: tuple = REMINDER_STAGES
) -> int:
    """Queue each due expiry reminder once per certificate and stage.

    A certificate is due for the most urgent stage it has reached (e.g. 30
    when 20 days are left), so a late cron run sends one reminder, not three.
    Returns the number of reminders queued.
    """
    now = now or timezone.now()
    queued = 0
    for certificate in certificates_due_reminder(now=now, stages=stages):
        remaining = certificate.expires_at - now
        reached = [
            days for days in stages if remaining <= datetime.timedelta(days=days)
        ]
        if not reached:
            continue
        stage = min(reached)
        if any(r.stage_days <= stage for r in certificate.reminders.all()):
            continue
        with transaction.atomic():
            reminder, created = get_or_create(
                CertificateReminder,
                {"certificate": certificate, "stage_days": stage},
                {"sent_at": now},
            )
            if created:
                _on_commit_enqueue(send_certificate_expiring, reminder_id=reminder.pk)
                queued += 1
    return queued


# --- The charter ------------------------------------------------------------------


@transaction.atomic
def charter_version_record(
    *,
    page: CharterPage,
    material_change: bool,
    revision=None,
    user=None,
    now: datetime.datetime | None = None,
) -> CharterVersion | None:
    """Record a charter publication against its versions; idempotent per revision.

    The original-language page's first publication, and each one marked as a
    material change, starts a new version (number, date, SHA-256 of the
    rules' text), audit-logged on the page. Any other publication (a typo
    correction, a translation) refreshes the current version's text in the
    page's language and keeps its number, date and hash. A translation
    published before the original has no version to join: None.
    """
    now = now or timezone.now()
    text = page.rules_text()
    language = page.locale.language_code
    if revision is not None:
        existing = CharterVersion.objects.filter(revision=revision).first()
        if existing is not None:
            return existing
    current = (
        CharterVersion.objects.select_for_update()
        .filter(translation_key=page.translation_key)
        .order_by("-number")
        .first()
    )
    is_original = canonical_page(page).pk == page.pk
    if current is None and not is_original:
        return None
    if current is not None and not (material_change and is_original):
        if current.texts.get(language) != text:
            current.texts = {**current.texts, language: text}
            current.full_clean(validate_unique=False, validate_constraints=False)
            current.save(update_fields=["texts"])
        return current
    version, _created = get_or_create(
        CharterVersion,
        {
            "translation_key": page.translation_key,
            "number": current.number + 1 if current else 1,
        },
        {
            "published_at": now,
            "content_hash": hashlib.sha256(text.encode()).hexdigest(),
            "texts": {language: text},
            "revision": revision,
            "published_by": user,
        },
    )
    log(
        instance=page,
        action=CHARTER_VERSION_ACTION,
        user=user,
        data={"number": version.number, "hash": version.content_hash},
    )
    return version


@transaction.atomic
def charter_publish(
    *,
    page: CharterPage,
    material_change: bool = False,
    user=None,
    now: datetime.datetime | None = None,
) -> CharterVersion | None:
    """Publish the charter's latest edits as a revision and record its version.

    What the demo and tests call; the admin's publish button gets the same
    result through ``courses.receivers``. ``now`` dates a new version.
    """
    page.material_change = material_change
    revision = page.save_revision(user=user)
    # The receiver of Wagtail's `page_published` reads it: the one way to
    # date a version in the past (the demo) without patching the clock.
    revision.charter_published_at = now
    revision.publish(user=user)
    return CharterVersion.objects.filter(revision=revision).first() or (
        charter_version_record(page=page, material_change=False, now=now)
    )


@transaction.atomic
def charter_acknowledge(
    *,
    learner,
    version: CharterVersion,
    language: str,
    now: datetime.datetime | None = None,
) -> CharterAcknowledgement:
    """Record that ``learner`` read ``version`` and will follow it; idempotent.

    Only the current version can be acknowledged (a page left open across a
    new version is refused with :data:`CHARTER_VERSION_OUTDATED`). A double
    click or a second tab returns the first acknowledgement, unchanged. A new
    acknowledgement is audit-logged and re-evaluates the learner's courses
    that require this charter.
    """
    now = now or timezone.now()
    current = (
        CharterVersion.objects.select_for_update()
        .filter(translation_key=version.translation_key)
        .order_by("-number")
        .first()
    )
    if current is None or current.pk != version.pk:
        raise ValidationError(CHARTER_VERSION_OUTDATED)
    acknowledgement, created = get_or_create(
        CharterAcknowledgement,
        {"learner": learner, "version": version},
        {"acknowledged_at": now, "language": language},
    )
    if created:
        log(
            instance=acknowledgement,
            action=CHARTER_ACKNOWLEDGE_ACTION,
            user=learner,
            data={"version": version.number, "language": language},
        )
        enrolments = Enrolment.objects.filter(
            learner=learner,
            course__required_charter__translation_key=version.translation_key,
        ).select_related("course")
        for enrolment in enrolments:
            completion_evaluate(enrolment=enrolment, now=now)
    return acknowledgement


# --- Translations ---------------------------------------------------------------


def _in_locale(linked, locale_id):
    """``linked``'s translation in the locale, else ``linked`` (None stays None)."""
    if not isinstance(linked, TranslatableMixin) or linked.locale_id == locale_id:
        return linked
    return (
        type(linked)
        .objects.filter(translation_key=linked.translation_key, locale_id=locale_id)
        .first()
        or linked
    )


def _relink_fields(page: Page) -> list[str]:
    """Relink the page's own foreign keys; the names of the fields changed."""
    changed = []
    for field in type(page)._meta.concrete_fields:
        if not field.many_to_one or field.model is Page:
            continue
        if not issubclass(field.related_model, TranslatableMixin):
            continue
        linked = getattr(page, field.name)
        translated = _in_locale(linked, page.locale_id)
        if translated is not linked:
            setattr(page, field.name, translated)
            changed.append(field.name)
    return changed


def _relink_streams(page: Page) -> list[str]:
    """Relink snippets chosen in the page's StreamField blocks (top-level structs)."""
    changed = []
    for field in type(page)._meta.concrete_fields:
        if not isinstance(field, StreamField):
            continue
        touched = False
        for child in getattr(page, field.name):
            if not isinstance(child.value, StructValue):
                continue
            for name, linked in list(child.value.items()):
                translated = _in_locale(linked, page.locale_id)
                if translated is not linked:
                    child.value[name] = translated
                    touched = True
        if touched:
            changed.append(field.name)
    return changed


@transaction.atomic
def page_links_translate(*, page: Page) -> list[str]:
    """Point a translated page's links at their translations in its locale.

    A course or lesson copied for translation still links to the quizzes,
    scenarios and charter of the page it was copied from. Each link whose
    target has a translation in the page's locale is moved to it; links with
    none are kept (learners are still sent to the translation in their
    language once it is published: ``courses.selectors.final_quiz_url``,
    ``scenario_url``, ``knowledge_check_in_language``, ``charter_url``,
    ``ScenarioBlock``).
    The page and its latest revision (the draft the editor opens) are
    updated alike; idempotent. Returns the names of the fields changed.
    """
    changed = _relink_fields(page) + _relink_streams(page)
    if not changed:
        return changed
    page.save(update_fields=changed)
    revision = page.latest_revision
    if revision is not None:
        draft = revision.as_object()
        if _relink_fields(draft) + _relink_streams(draft):
            revision.content = draft.serializable_data()
            revision.save(update_fields=["content"])
    return changed
