"""The emails of the courses app, rendered in the learner's language.

Each email has three templates under ``templates/emails/``: ``<name>_subject.txt``,
``<name>.txt`` and ``<name>.html``. Links are absolute, built on
``WAGTAILADMIN_BASE_URL`` because emails are sent outside any request;
rendering and sending is ``core.emails.send_templated_email``.
"""

from django.urls import reverse
from django.utils import translation

from core.emails import absolute_url, send_templated_email
from core.people import person_language
from courses.selectors import email_language, page_in_language


def _send(*, name: str, user, language: str, context: dict) -> bool:
    """Send ``emails/<name>`` in a language Relais speaks, with the dashboard link."""
    language = email_language(language)
    with translation.override(language):
        # The dashboard's URL is language-prefixed: build it in the email's.
        dashboard_url = absolute_url(reverse("courses:dashboard"))
    return send_templated_email(
        template=f"emails/{name}",
        user=user,
        language=language,
        context={"dashboard_url": dashboard_url, **context},
    )


def _course_context(course, language: str) -> dict:
    if course is None:
        return {"course_title": "", "course_url": ""}
    with translation.override(email_language(language)):
        page = page_in_language(page=course, language_code=email_language(language))
        url = page.get_url()  # None when the page is not routable (no site)
        return {
            "course_title": page.title,
            "course_url": absolute_url(url) if url else "",
        }


def send_enrolment_confirmation(*, enrolment) -> bool:
    """ "You are enrolled": course link, due date if assigned.

    In the learner's preferred language, else the one they enrolled in.
    """
    language = person_language(enrolment.learner, default=enrolment.language)
    return _send(
        name="enrolment_confirmation",
        user=enrolment.learner,
        language=language,
        context={
            "enrolment": enrolment,
            **_course_context(enrolment.course, language),
        },
    )


def _certificate_context(certificate, language: str) -> dict:
    with translation.override(email_language(language)):
        pdf_path = reverse("courses:certificate_pdf", args=[certificate.pk])
    return {
        "certificate": certificate,
        "pdf_url": absolute_url(pdf_path),
        "verification_url": certificate.get_verification_url(),
        "linkedin_url": certificate.get_linkedin_add_url(),
        **_course_context(certificate.course, language),
    }


def send_certificate_issued(*, certificate) -> bool:
    """ "Your certificate": PDF download, public verification and LinkedIn links."""
    return _send(
        name="certificate_issued",
        user=certificate.learner,
        language=certificate.language,
        context=_certificate_context(certificate, certificate.language),
    )


def send_certificate_expiring(*, reminder) -> bool:
    """ "Your certificate expires in N days": how to recertify.

    In the learner's preferred language now, else the certificate's.
    """
    certificate = reminder.certificate
    language = person_language(certificate.learner, default=certificate.language)
    return _send(
        name="certificate_expiring",
        user=certificate.learner,
        language=language,
        context={
            "reminder": reminder,
            "days_left": max(certificate.days_until_expiry(reminder.sent_at) or 0, 0),
            **_certificate_context(certificate, language),
        },
    )
