import datetime
import io
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from pypdf import PdfReader
from wagtail.models import ModelLogEntry

from courses.models import Certificate, CertificateStatus
from courses.pdf import LocalOnlyURLFetcher
from courses.selectors import enrolment_progress
from courses.services import (
    ALREADY_REVOKED,
    RECERTIFICATION_NOT_OPEN,
    REVOCATION_REASON_REQUIRED,
    REVOKE_ACTION,
    add_months,
    certificate_revoke,
    enrolment_restart,
    lesson_complete,
)
from tests.courses.conftest import french
from tests.factories import CertificateFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate(enrolment, lessons):
    for lesson in lessons:
        lesson_complete(enrolment=enrolment, lesson=lesson)
    return Certificate.objects.get()


def pdf_text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return " ".join(page.extract_text() for page in reader.pages)


def download(client, certificate):
    return client.get(reverse("courses:certificate_pdf", args=[certificate.pk]))


def test_certificate_snapshots_what_it_certifies(certificate, learner, course):
    assert certificate.holder_name == "Léa Tremblay"
    assert certificate.course_title == course.title
    assert certificate.completed_on == timezone.localdate()
    assert certificate.language == "fr"
    assert certificate.expires_at is None
    learner.first_name = "Autre"
    learner.save()
    course.title = "Titre modifié"
    course.save_revision().publish()
    certificate.refresh_from_db()
    assert (certificate.holder_name, certificate.course_title) == (
        "Léa Tremblay",
        "Confidentialité au travail",
    )


def test_verification_code_is_unguessable(certificate):
    codes = {certificate.code} | {CertificateFactory().code for _ in range(5)}
    assert len(codes) == 6
    assert all(len(code) >= 32 for code in codes)  # 24 random bytes, 192 bits
    assert all(
        set(code)
        <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        for code in codes
    )


def test_pdf_holds_name_and_course_and_is_stored_once(learner_client, certificate):
    response = download(learner_client, certificate)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    content = b"".join(response.streaming_content)
    assert content.startswith(b"%PDF")
    text = pdf_text(content)
    assert "Léa Tremblay" in text
    assert "Confidentialité au travail" in text
    # pypdf may split a word where glyphs are kerned apart (seen: a space
    # inside "…NfT sngY…"); the code holds no whitespace, so drop it all.
    assert certificate.code in "".join(text.split())
    certificate.refresh_from_db()
    stored = certificate.pdf.name
    assert stored.startswith("certificates/") and certificate.code not in stored
    download(learner_client, certificate)
    certificate.refresh_from_db()
    assert certificate.pdf.name == stored  # generated once, then served
    certificate.pdf.storage.delete(stored)  # lost in a media restore
    assert download(learner_client, certificate).status_code == 200
    certificate.refresh_from_db()
    assert certificate.pdf.storage.exists(certificate.pdf.name)


def test_pdf_uses_the_course_design(learner_client, course, enrolment, lessons):
    course.certificate_wording = "a suivi avec brio la formation"
    course.certificate_signatory_name = "Fanny Lavoie"
    course.certificate_signatory_title = "Responsable de la formation"
    course.certificate_accent_colour = "#aa3300"
    course.save_revision().publish()
    for lesson in lessons:
        lesson_complete(enrolment=enrolment, lesson=lesson)
    response = download(learner_client, Certificate.objects.get())
    text = pdf_text(b"".join(response.streaming_content))
    for expected in (
        "a suivi avec brio",
        "Fanny Lavoie",
        "Responsable de la formation",
    ):
        assert expected in text


def test_accent_colour_must_be_hex(course):
    course.certificate_accent_colour = "red; background: url(http://x)"
    with pytest.raises(ValidationError) as error:
        course.full_clean()
    assert "certificate_accent_colour" in error.value.message_dict


def test_pdf_fetcher_stays_off_the_network(settings, tmp_path):
    fetcher = LocalOnlyURLFetcher()
    for url in (
        "https://example.org/font.woff",
        "http://127.0.0.1/x.png",
        "file:///etc/passwd",
    ):
        with pytest.raises(ValueError):
            fetcher.fetch(url)
    assert fetcher.fetch("data:text/plain;base64,b2s=").read() == b"ok"


def test_another_learner_gets_404_for_the_pdf(client, other_learner, certificate):
    client.force_login(other_learner)
    assert download(client, certificate).status_code == 404
    assert (
        client.get(reverse("courses:certificate_pdf", args=[999999])).status_code == 404
    )


def test_anonymous_reaches_only_the_verification_page(client, certificate, course):
    for url in (
        reverse("courses:certificate_pdf", args=[certificate.pk]),
        reverse("courses:dashboard"),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/fr/accounts/login/")
    for url in (
        reverse("courses:enrol", args=[course.pk]),
        reverse("courses:restart", args=[course.pk]),
    ):
        assert client.post(url)["Location"].startswith("/fr/accounts/login/")
    response = client.get(reverse("certificates:verify", args=[certificate.code]))
    assert response.status_code == 200


def test_revoked_certificate_pdf_is_withdrawn_from_its_holder(
    learner_client, certificate, superuser
):
    certificate_revoke(certificate=certificate, reason="Fraude", by=superuser)
    assert download(learner_client, certificate).status_code == 404


def verify(client, code):
    return client.get(reverse("certificates:verify", args=[code]))


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        ("valid", "This certificate is valid."),
        ("expired", "This certificate has expired."),
        ("revoked", "This certificate has been revoked."),
    ],
    ids=["valid", "expired", "revoked"],
)
def test_verification_page_states(client, superuser, state, expected):
    certificate = CertificateFactory(
        expires_in_days=-1 if state == "expired" else 200,
        holder_name="Léa Tremblay",
        course_title="Étiquette LinkedIn",
    )
    if state == "revoked":
        certificate_revoke(certificate=certificate, reason="Erreur", by=superuser)
    client.cookies["django_language"] = "en"
    response = client.get(f"/en/certificates/verify/{certificate.code}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert expected in html
    assert "Léa Tremblay" in html and "Étiquette LinkedIn" in html
    for moment in (certificate.issued_at, certificate.expires_at):
        assert f'datetime="{timezone.localtime(moment):%Y-%m-%d}"' in html
    assert certificate.learner.email not in html
    assert certificate.learner.username not in html
    assert "Erreur" not in html  # the revocation reason is not public


def test_unknown_code_gets_a_friendly_404(client):
    response = verify(client, "not-a-real-code")
    assert response.status_code == 404
    assert "certificates/verify_not_found.html" in [t.name for t in response.templates]


def test_language_neutral_verification_url(client, certificate):
    path = f"/certificates/verify/{certificate.code}/"
    assert certificate.get_verification_url() == f"http://testserver{path}"
    response = client.get(path, HTTP_ACCEPT_LANGUAGE="en")
    assert response["Location"] == f"/en{path}"
    response = client.get(path, HTTP_ACCEPT_LANGUAGE="fr-CA,fr")
    assert response["Location"] == f"/fr{path}"


def test_verification_url_is_stable_through_revocation(client, certificate, superuser):
    before = certificate.get_verification_url()
    certificate_revoke(certificate=certificate, reason="Fraude", by=superuser)
    certificate.refresh_from_db()
    assert certificate.get_verification_url() == before
    assert verify(client, certificate.code).status_code == 200


def test_linkedin_link(certificate, settings):
    settings.RELAIS_ORGANISATION_NAME = "Relais Formation"
    url = urlsplit(certificate.get_linkedin_add_url())
    assert (url.scheme, url.netloc, url.path) == (
        "https",
        "www.linkedin.com",
        "/profile/add",
    )
    params = {key: values[0] for key, values in parse_qs(url.query).items()}
    issued = timezone.localtime(certificate.issued_at)
    assert params == {
        "startTask": "CERTIFICATION_NAME",
        "name": "Confidentialité au travail",
        "organizationName": "Relais Formation",
        "issueYear": str(issued.year),
        "issueMonth": str(issued.month),
        "certUrl": certificate.get_verification_url(),
        "certId": certificate.code,
    }


def test_revoke_service_logs_and_refuses_twice(certificate, superuser):
    with pytest.raises(ValidationError) as error:
        certificate_revoke(certificate=certificate, reason="  ", by=superuser)
    assert str(REVOCATION_REASON_REQUIRED) in error.value.messages
    certificate_revoke(certificate=certificate, reason="Plagiat", by=superuser)
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.REVOKED
    assert (certificate.revocation_reason, certificate.revoked_by) == (
        "Plagiat",
        superuser,
    )
    entry = ModelLogEntry.objects.get(action=REVOKE_ACTION)
    assert (entry.object_id, entry.user, entry.data) == (
        str(certificate.pk),
        superuser,
        {"reason": "Plagiat"},
    )
    with pytest.raises(ValidationError) as error:
        certificate_revoke(certificate=certificate, reason="Encore", by=superuser)
    assert str(ALREADY_REVOKED) in error.value.messages


def test_trainer_revokes_from_the_admin(client, certificate):
    trainer = UserFactory(username="trainer", is_staff=True)
    group = Group.objects.create(name="Revokers")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_certificate"),
    )
    trainer.groups.add(group)
    client.force_login(trainer)
    index = client.get(reverse("courses_certificate:index"))
    assert index.status_code == 200
    assert certificate.holder_name in index.content.decode()
    revoke_url = reverse("courses_certificate:revoke", args=[certificate.pk])
    assert revoke_url not in index.content.decode()
    assert client.get(revoke_url).status_code == 302  # no permission: sent away
    group.permissions.add(Permission.objects.get(codename="revoke_certificate"))
    trainer = type(trainer).objects.get(pk=trainer.pk)  # drop the permission cache
    client.force_login(trainer)
    assert (
        revoke_url in client.get(reverse("courses_certificate:index")).content.decode()
    )
    assert client.get(revoke_url).status_code == 200
    response = client.post(revoke_url, {"reason": ""})
    assert response.status_code == 200  # the form asks for a reason
    response = client.post(revoke_url, {"reason": "Certificat émis par erreur"})
    assert response["Location"] == reverse("courses_certificate:index")
    certificate.refresh_from_db()
    assert certificate.revoked_by == trainer
    history = client.get(reverse("courses_certificate:history", args=[certificate.pk]))
    assert french("Certificate revoked") in history.content.decode()


def test_admin_has_no_add_edit_or_delete(admin_client, certificate):
    inspect = admin_client.get(
        reverse("courses_certificate:inspect", args=[certificate.pk])
    )
    assert inspect.status_code == 200
    assert certificate.code in inspect.content.decode()
    for name in ("add", "edit", "delete", "copy"):
        with pytest.raises(NoReverseMatch):
            reverse(f"courses_certificate:{name}", args=[certificate.pk])
    assert b"/admin/certificates/edit/" not in inspect.content
    filtered = admin_client.get(
        reverse("courses_certificate:index"), {"status": "revoked"}
    )
    assert certificate.holder_name not in filtered.content.decode()


# --- Expiry and recertification ---------------------------------------------


@pytest.fixture
def yearly_course(course):
    course.certificate_validity_months = 12
    course.save_revision().publish()
    return course


def test_validity_sets_the_expiry(yearly_course, enrolment, lessons):
    for lesson in lessons:
        lesson_complete(enrolment=enrolment, lesson=lesson)
    certificate = Certificate.objects.get()
    assert certificate.expires_at == add_months(certificate.issued_at, 12)
    assert certificate.status == CertificateStatus.VALID
    later = certificate.expires_at + datetime.timedelta(seconds=1)
    assert certificate.status_at(later) == CertificateStatus.EXPIRED


@pytest.mark.parametrize(
    ("moment", "months", "expected"),
    [
        (datetime.datetime(2026, 1, 31, 12), 1, datetime.datetime(2026, 2, 28, 12)),
        (datetime.datetime(2026, 11, 15), 14, datetime.datetime(2028, 1, 15)),
        (datetime.datetime(2028, 2, 29), 12, datetime.datetime(2029, 2, 28)),
    ],
    ids=["end of month", "over a year", "leap day"],
)
def test_add_months(moment, months, expected):
    assert add_months(moment, months) == expected


def test_recertification_issues_a_new_certificate_and_keeps_history(
    learner_client, yearly_course, enrolment, lessons
):
    for lesson in lessons:
        lesson_complete(enrolment=enrolment, lesson=lesson)
    first = Certificate.objects.get()
    with pytest.raises(ValidationError) as error:
        enrolment_restart(enrolment=enrolment)  # a year left: too early
    assert str(RECERTIFICATION_NOT_OPEN) in error.value.messages

    Certificate.objects.filter(pk=first.pk).update(
        expires_at=timezone.now() - datetime.timedelta(days=1)
    )
    html = learner_client.get(yearly_course.url).content.decode()
    restart_url = reverse("courses:restart", args=[yearly_course.pk])
    assert f'action="{restart_url}"' in html
    learner_client.post(restart_url)
    learner_client.post(restart_url)  # a double click starts one cycle
    enrolment.refresh_from_db()
    assert enrolment.cycle == 2
    progress = enrolment_progress(enrolment=enrolment)
    assert (progress.done_steps, progress.is_complete) == (0, False)

    for lesson in lessons:
        lesson_complete(enrolment=enrolment, lesson=lesson)
    assert enrolment.completions.count() == 2
    second = Certificate.objects.exclude(pk=first.pk).get()
    first.refresh_from_db()
    assert first.status == CertificateStatus.EXPIRED  # history kept, not overwritten
    assert second.status == CertificateStatus.VALID
    assert second.completion.cycle == 2
    assert second.code != first.code


def test_earlier_quiz_pass_does_not_count_for_a_new_cycle(
    learner, quiz_course, lessons, quiz
):
    from courses.services import enrol
    from tests.courses.conftest import answer_quiz

    quiz_course.certificate_validity_months = 12
    quiz_course.save_revision().publish()
    enrolment = enrol(learner=learner, course=quiz_course)
    for lesson in lessons:
        lesson_complete(enrolment=enrolment, lesson=lesson)
    answer_quiz(quiz=quiz, learner=learner)
    Certificate.objects.update(expires_at=timezone.now() + datetime.timedelta(days=10))
    enrolment = enrolment_restart(enrolment=enrolment)
    for lesson in lessons:
        lesson_complete(enrolment=enrolment, lesson=lesson)
    assert enrolment.completions.count() == 1  # the old pass is from cycle 1
    answer_quiz(quiz=quiz, learner=learner)
    assert enrolment.completions.count() == 2
    assert Certificate.objects.count() == 2


def test_recertify_view_explains_when_it_is_too_early(
    learner_client, yearly_course, enrolment, lessons
):
    for lesson in lessons:
        lesson_complete(enrolment=enrolment, lesson=lesson)
    response = learner_client.post(
        reverse("courses:restart", args=[yearly_course.pk]), follow=True
    )
    assert str(RECERTIFICATION_NOT_OPEN) in [
        str(m) for m in response.context["messages"]
    ]
    enrolment.refresh_from_db()
    assert enrolment.cycle == 1


def test_a_revoked_certificate_may_be_earned_again(enrolment, lessons, superuser):
    for lesson in lessons:
        lesson_complete(enrolment=enrolment, lesson=lesson)
    certificate_revoke(certificate=Certificate.objects.get(), reason="x", by=superuser)
    enrolment = enrolment_restart(enrolment=enrolment)
    for lesson in lessons:
        lesson_complete(enrolment=enrolment, lesson=lesson)
    assert [c.status for c in Certificate.objects.order_by("issued_at")] == [
        CertificateStatus.REVOKED,
        CertificateStatus.VALID,
    ]
