"""The emails of assignments, rendered in each recipient's language.

Everyone gets theirs in their preferred language (``core.people``, the same
setting as their Wagtail admin language); without one, learners in their
enrolment's language and managers in the site's default.
Each email has three templates under ``teams/emails/``: ``<name>_subject.txt``,
``<name>.txt`` and ``<name>.html``.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from core.emails import absolute_url, send_templated_email
from core.people import person_language
from courses.models import CharterPage
from courses.selectors import canonical_page, email_language, page_in_language
from lms.teams.models import ReminderStage


def manager_language(user) -> str:
    """The language a manager reads the admin in, for their digests."""
    return person_language(user, default=settings.LANGUAGE_CODE)


def _send(*, name: str, user, language: str, context: dict) -> bool:
    """Send ``teams/emails/<name>``; ``language`` is already one Relais speaks."""
    return send_templated_email(
        template=f"teams/emails/{name}", user=user, language=language, context=context
    )


def _course_title_and_url(course, language: str) -> tuple[str, str]:
    page = page_in_language(page=course, language_code=language)
    return page.title, absolute_url(page.get_url() or "")


def send_assignment_reminder(*, reminder) -> bool:
    """ "Course X is due on D" or "Course X was due on D": a link to go on."""
    item = reminder.learner_assignment
    language = person_language(
        item.enrolment.learner, default=email_language(item.enrolment.language)
    )
    with translation.override(language):
        title, url = _course_title_and_url(item.assignment.course, language)
        dashboard_url = absolute_url(reverse("courses:dashboard"))
    return _send(
        name="assignment_overdue"
        if reminder.stage == ReminderStage.OVERDUE
        else "assignment_due_soon",
        user=reminder.recipient,
        language=language,
        context={
            "due_on": item.due_on,
            "course_title": title,
            "course_url": url,
            "dashboard_url": dashboard_url,
        },
    )


def send_manager_digest(*, manager, reminders: list) -> bool:
    """One email listing a manager's people newly overdue, with the report link."""
    language = manager_language(manager)
    with translation.override(language):
        lines = []
        for reminder in reminders:
            item = reminder.learner_assignment
            title, _url = _course_title_and_url(item.assignment.course, language)
            learner = item.learner
            lines.append(
                {
                    "learner": learner.get_full_name() or learner.get_username(),
                    "course_title": title,
                    "due_on": item.due_on,
                }
            )
        report_url = absolute_url(reverse("reports:completion") + "?status=overdue")
    return _send(
        name="manager_digest",
        user=manager,
        language=language,
        context={"lines": lines, "report_url": report_url},
    )


def send_charter_reminder(*, reminder) -> bool:
    """ "Please read the charter and confirm": a link, never a threat."""
    person = reminder.learner
    language = person_language(person, default=settings.LANGUAGE_CODE)
    charter = (
        CharterPage.objects.live()
        .filter(translation_key=reminder.version.translation_key)
        .order_by("pk")
        .first()
    )
    if charter is None:
        return False
    with translation.override(language):
        page = page_in_language(page=canonical_page(charter), language_code=language)
        url = absolute_url(page.get_url() or "")
    return _send(
        name="charter_reminder",
        user=person,
        language=language,
        context={
            "charter_title": page.title,
            "charter_url": url,
            "version": reminder.version.number,
        },
    )
