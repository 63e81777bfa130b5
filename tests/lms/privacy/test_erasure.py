"""Erasing a person: nothing of them is left in the database or the media folder,
their records still count, their certificates verify as "holder's data erased"."""

import io
import json
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest
from axes.models import AccessAttempt
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader
from wagtail.models import ModelLogEntry

from courses.models import Certificate, CertificateStatus, CourseCompletion, Enrolment
from courses.selectors import course_lessons
from courses.services import (
    certificate_pdf_ensure,
    certificate_revoke,
    charter_acknowledge,
    charter_publish,
    enrol,
    lesson_complete,
)
from lms.accounts.models import SignInIdentity
from lms.credentials.models import IssuedCredential
from lms.credentials.selectors import revoked_indices
from lms.privacy.models import PersonErasure
from lms.privacy.services import (
    CONFIRMATION_MISMATCH,
    ERASE_ACTION,
    people_erase_inactive,
    person_erase,
)
from lms.xapi.models import OutboxStatement
from quizzes.models import AttemptQuestion, Question
from quizzes.services import attempt_start, attempt_submit
from scenarios.services import run_choose, run_start
from tests.factories import (
    CharterPageFactory,
    CoursePageFactory,
    EssayQuestionFactory,
    LessonPageFactory,
    QuizFactory,
    ShortTextQuestionFactory,
    SingleChoiceQuestionFactory,
    UserFactory,
)
from tests.factories.scenarios import make_scenario

pytestmark = pytest.mark.django_db

#: Strings that appear nowhere but in this person's data.
MARKS = {
    "username": "zqxv-username",
    "first_name": "Zqxvprénom",
    "last_name": "Zqxvnom",
    "email": "zqxv.courriel@example.org",
}


def dump_text() -> str:
    """Every row Django knows of, as text (what a database dump would show)."""
    output = io.StringIO()
    call_command("dumpdata", stdout=output, indent=None)
    return output.getvalue()


def media_text(settings) -> str:
    """Every file under MEDIA_ROOT as text; PDFs through their text layer."""
    texts = []
    for path in Path(settings.MEDIA_ROOT).rglob("*"):
        if not path.is_file():
            continue
        texts.append(path.read_bytes().decode("utf-8", "replace"))
        if path.suffix == ".pdf":
            reader = PdfReader(path)
            texts.extend(page.extract_text() for page in reader.pages)
    return "\n".join(texts)


def traces(text: str) -> set[str]:
    lowered = text.lower()
    found = {value for value in MARKS.values() if value.lower() in lowered}
    # JSON escapes accented letters in a dump: look for that form too.
    escaped = json.dumps(text).lower()
    found |= {v for v in MARKS.values() if json.dumps(v)[1:-1].lower() in escaped}
    return found


@pytest.fixture
def person(db):
    return UserFactory(**MARKS)


@pytest.fixture
def course(catalogue, locale_fr):
    quiz = QuizFactory(
        questions=[ShortTextQuestionFactory(), SingleChoiceQuestionFactory()],
        title="Quiz final",
        pass_mark=50,  # the free-text answer is wrong: the other one passes
    )
    course = CoursePageFactory(
        parent=catalogue, title="Confidentialité", final_quiz=quiz
    )
    LessonPageFactory(parent=course, title="Leçon 1")
    return course


def full_journey(course, person, superuser):
    """Enrolment, lesson, a quiz with their own words, certificate (PDF,
    badge), xAPI statements queued, and an admin's revocation naming them."""
    enrolment = enrol(course=course, learner=person)
    for lesson in course_lessons(course=course):
        lesson_complete(enrolment=enrolment, lesson=lesson)
    attempt = attempt_start(quiz=course.final_quiz, learner=person)
    responses = {}
    for row in attempt.attempt_questions.order_by("slot"):
        if row.question_type == "short_text":
            responses[row.slot] = f"Moi, {MARKS['first_name']} {MARKS['last_name']}"
        else:
            responses[row.slot] = Question.from_snapshot(row.snapshot).key_response()
    attempt_submit(attempt=attempt, responses=responses, sequence=attempt.sequence)
    certificate = Certificate.objects.get(learner=person)
    certificate_pdf_ensure(certificate=certificate)
    assert IssuedCredential.objects.filter(certificate=certificate).exists()
    certificate_revoke(
        certificate=certificate,
        reason=f"Demande de {MARKS['first_name']} ({MARKS['email']})",
        by=superuser,
    )
    # An essay in their own words, awaiting a grader; the charter, acknowledged;
    # a scenario, played.
    essay_quiz = QuizFactory(questions=[EssayQuestionFactory()], title="Rédaction")
    essay_attempt = attempt_start(quiz=essay_quiz, learner=person)
    [essay_row] = essay_attempt.attempt_questions.all()
    attempt_submit(
        attempt=essay_attempt,
        responses={
            essay_row.slot: f"Bonjour, ici {MARKS['first_name']} {MARKS['last_name']}."
        },
        sequence=essay_attempt.sequence,
    )
    charter = CharterPageFactory(parent=course.get_parent())
    version = charter_publish(page=charter)
    charter_acknowledge(learner=person, version=version, language="fr")
    scenario = make_scenario()
    run = run_start(scenario=scenario, learner=person)
    situation = run.scenario.graph().get(run.current_key)
    run_choose(run=run, choice_id=situation.choices[0].id, sequence=0)
    # Company sign-in and the login throttle know them too.
    SignInIdentity.objects.create(
        user=person,
        issuer="https://idp.example.org",
        subject=f"{MARKS['username']}-sub",
    )
    AccessAttempt.objects.create(
        username=MARKS["username"],
        ip_address="127.0.0.1",
        user_agent="pytest",
        failures_since_start=1,
        get_data="",
        post_data="",
        http_accept="",
        path_info="/fr/accounts/login/",
    )
    return certificate


def test_nothing_of_an_erased_person_remains(settings, course, person, superuser):
    settings.RELAIS_XAPI_ENDPOINT = "http://127.0.0.1:9/xAPI"  # down: stays queued
    full_journey(course, person, superuser)
    assert OutboxStatement.objects.filter(learner=person).exists()
    # The test can fail: before erasure, the person is everywhere.
    assert traces(dump_text()) == set(MARKS.values())
    assert traces(media_text(settings))  # the PDF names them

    person_erase(person=person, by=superuser, confirmation=MARKS["email"].upper())

    assert traces(dump_text()) == set()
    assert traces(media_text(settings)) == set()
    assert not OutboxStatement.objects.filter(learner=person).exists()


def test_records_still_count_as_an_anonymous_learner(course, person, superuser):
    full_journey(course, person, superuser)
    counts = (Enrolment.objects.count(), CourseCompletion.objects.count())

    person_erase(person=person, by=superuser, confirmation=MARKS["email"])

    person.refresh_from_db()
    assert (Enrolment.objects.count(), CourseCompletion.objects.count()) == counts
    assert person.username.startswith("erased-")
    assert not person.is_active and not person.has_usable_password()
    assert (person.first_name, person.last_name, person.email) == ("", "", "")
    text = AttemptQuestion.objects.get(
        attempt__learner=person, question_type="short_text"
    ).response
    assert text == "[erased]"


def test_an_erased_holders_certificate_vouches_for_no_one(
    client, course, person, superuser
):
    full_journey(course, person, superuser)
    certificate = Certificate.objects.get(learner=person)
    record = IssuedCredential.objects.get(certificate=certificate)

    person_erase(person=person, by=superuser, confirmation=MARKS["email"])

    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.ERASED
    page = client.get(reverse("certificates:verify", args=[certificate.code]))
    assert "erased" in page.text and "This certificate is valid" not in page.text
    assert "Zqxv" not in page.text
    assert record.status_index in revoked_indices(list_number=record.list_number)
    json_url = reverse("credentials:json", args=[certificate.code])
    assert client.get(json_url).status_code == 410


def test_erasure_is_idempotent_and_logged_without_personal_data(
    course, person, superuser
):
    full_journey(course, person, superuser)

    first = person_erase(person=person, by=superuser, confirmation=MARKS["email"])
    again = person_erase(person=person, by=superuser, confirmation="anything")

    assert again.pk == first.pk
    [entry] = ModelLogEntry.objects.filter(action=ERASE_ACTION)
    assert traces(entry.label + json.dumps(entry.data)) == set()
    assert entry.data["person_id"] == person.pk


def test_a_wrong_confirmation_erases_nothing(person, superuser):
    with pytest.raises(ValidationError) as error:
        person_erase(person=person, by=superuser, confirmation="someone@example.org")

    assert str(CONFIRMATION_MISMATCH) in str(error.value)
    person.refresh_from_db()
    assert person.email == MARKS["email"]
    assert not PersonErasure.objects.exists()


def test_retention_erases_only_long_inactive_learners(settings):
    now = timezone.now()
    gone = UserFactory(last_login=now - timedelta(days=400))
    never = UserFactory(last_login=None)
    never.date_joined = now - timedelta(days=500)
    never.save()
    recent = UserFactory(last_login=now - timedelta(days=30))
    staff = UserFactory(is_staff=True, last_login=now - timedelta(days=900))

    assert people_erase_inactive(months=0, now=now) == 0
    assert people_erase_inactive(months=12, now=now) == 2
    assert people_erase_inactive(months=12, now=now) == 0  # idempotent

    erased = set(PersonErasure.objects.values_list("person_id", flat=True))
    assert erased == {gone.pk, never.pk}
    assert recent.pk not in erased and staff.pk not in erased
    settings.RELAIS_RETENTION_INACTIVE_MONTHS = 0
    output = io.StringIO()
    call_command("erase_inactive_people", stdout=output)
    assert "off" in output.getvalue()


def test_the_export_holds_everything_and_is_theirs_alone(
    client, course, person, superuser, other_learner
):
    full_journey(course, person, superuser)
    client.force_login(person)

    response = client.get(reverse("my_data"))

    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    data = json.loads(archive.read("relais-data.json"))
    assert data["profile"]["email"] == MARKS["email"]
    final, essay = data["quiz_attempts"]
    assert any(MARKS["first_name"] in str(a["response"]) for a in final["answers"])
    assert essay["state"] == "awaiting_grading"
    assert data["charter_acknowledgements"][0]["version"] == 1
    assert data["scenario_runs"][0]["path"]
    assert data["certificates"][0]["status"] == "revoked"
    assert any(name.endswith(".pdf") for name in archive.namelist())
    assert "relais-data.json" in archive.read("README.txt").decode()

    # Another person, even signed in, reaches only their own.
    client.force_login(other_learner)
    other = zipfile.ZipFile(io.BytesIO(client.get(reverse("my_data")).content))
    assert MARKS["email"] not in other.read("relais-data.json").decode()
    export_url = reverse("privacy_export", args=[person.pk])
    assert client.get(export_url).status_code in (302, 404)


def test_administrators_export_and_erase_from_the_admin(
    client, course, person, superuser
):
    full_journey(course, person, superuser)
    client.force_login(superuser)
    export = client.get(reverse("privacy_export", args=[person.pk]))
    assert export.status_code == 200
    erase_url = reverse("privacy_erase", args=[person.pk])

    wrong = client.post(erase_url, {"confirmation": "nope@example.org"})
    assert wrong.status_code == 200
    assert not PersonErasure.objects.exists()
    done = client.post(erase_url, {"confirmation": MARKS["email"]})
    assert done.status_code == 302
    again = client.get(erase_url)
    assert 'name="confirmation"' not in again.text  # "already erased", no form
    assert client.post(erase_url, {"confirmation": "x"}).status_code == 200
    assert PersonErasure.objects.count() == 1


def test_a_trainer_cannot_reach_another_persons_export(client, person):
    trainer = UserFactory(is_staff=True)
    client.force_login(trainer)
    assert client.get(reverse("privacy_export", args=[person.pk])).status_code in (
        302,
        404,
    )
    assert client.get(reverse("privacy_export", args=[999999])).status_code in (
        302,
        404,
    )


def test_exporting_is_a_bounded_number_of_queries(
    course, person, superuser, django_assert_max_num_queries
):
    from lms.privacy.selectors import person_record

    full_journey(course, person, superuser)
    with django_assert_max_num_queries(20):
        person_record(person=person)
