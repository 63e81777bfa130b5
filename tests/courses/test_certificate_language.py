"""A certificate speaks the learner's preferred language, whoever records it."""

import io

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader

from core.people import person_language_set
from courses.models import Certificate
from courses.pdf import certificate_pdf_bytes
from courses.services import enrol, lesson_complete

pytestmark = pytest.mark.django_db


def test_completion_outside_a_request_gets_the_learners_language(
    learner, course, lessons, django_capture_on_commit_callbacks
):
    person_language_set(user=learner, language="en")
    # A scheduled command runs in the site's default language (French).
    with translation.override("fr"), django_capture_on_commit_callbacks(execute=True):
        enrolment = enrol(learner=learner, course=course)
        for lesson in lessons:
            lesson_complete(enrolment=enrolment, lesson=lesson)
    certificate = Certificate.objects.get()
    assert certificate.language == "en"
    with translation.override("fr"):
        content = certificate_pdf_bytes(certificate=certificate)
    reader = PdfReader(io.BytesIO(content))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Certificate of completion" in text
    # Both emails (enrolment, certificate) are in English too.
    assert len(mail.outbox) == 2
    assert all("/en/" in message.body for message in mail.outbox)


def test_pdf_is_tagged_with_language_and_title(learner, course, lessons):
    person_language_set(user=learner, language="fr")
    enrolment = enrol(learner=learner, course=course)
    for lesson in lessons:
        lesson_complete(enrolment=enrolment, lesson=lesson)
    certificate = Certificate.objects.get()
    reader = PdfReader(io.BytesIO(certificate_pdf_bytes(certificate=certificate)))
    catalog = reader.trailer["/Root"]
    assert "/StructTreeRoot" in catalog
    assert str(catalog["/Lang"]) == "fr"
    assert course.title in reader.metadata.title


def test_the_language_switcher_choice_sets_the_next_certificate_and_email(
    client, learner, course, lessons, django_capture_on_commit_callbacks
):
    person_language_set(user=learner, language="fr")
    client.force_login(learner)
    response = client.post(
        reverse("language_choose"), {"language": "en", "next": "/en/"}
    )
    assert response.status_code == 302
    translation.activate("fr")  # the next request could be in any language

    with django_capture_on_commit_callbacks(execute=True):
        enrolment = enrol(learner=learner, course=course)
        for lesson in lessons:
            lesson_complete(enrolment=enrolment, lesson=lesson)
    certificate = Certificate.objects.get()
    assert certificate.language == "en"
    text = PdfReader(io.BytesIO(certificate_pdf_bytes(certificate=certificate)))
    assert "Certificate of completion" in text.pages[0].extract_text()
    assert all("/en/" in message.body for message in mail.outbox)
    assert len(mail.outbox) == 2
