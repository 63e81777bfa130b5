"""Fixtures for credentials: a certificate earned through the services, and an
independent verifier (openbadgeslib) that fetches Relais's public documents
through the test client as it would over HTTPS."""

from urllib.parse import urlsplit

import pytest
from django.test import Client
from openbadgeslib.ob3.verifier import OB3Verifier

from courses.models import Certificate
from courses.selectors import course_lessons
from courses.services import enrol, lesson_complete
from lms.credentials.documents import issuer_did
from tests.factories import CoursePageFactory, LessonPageFactory, UserFactory


@pytest.fixture
def course(catalogue):
    course = CoursePageFactory(parent=catalogue, title="Confidentialité au travail")
    for number in (1, 2):
        LessonPageFactory(parent=course, title=f"Leçon {number}")
    return course


def earn_certificate(course, learner) -> Certificate:
    enrolment = enrol(course=course, learner=learner)
    for lesson in course_lessons(course=course):
        lesson_complete(enrolment=enrolment, lesson=lesson)
    return Certificate.objects.get(learner=learner, course=course)


@pytest.fixture
def holder(db):
    return UserFactory(email="Camille.Roy@example.org", first_name="Camille")


@pytest.fixture
def certificate(course, holder):
    return earn_certificate(course, holder)


@pytest.fixture
def fetch():
    """What a verifier's HTTPS fetch would get, served by the test client."""
    client = Client()

    def download(url: str) -> bytes:
        parts = urlsplit(url)
        assert parts.netloc == "testserver", url
        response = client.get(parts.path)
        if response.status_code != 200:
            raise OSError(f"{url}: HTTP {response.status_code}")
        return response.content

    return download


@pytest.fixture
def verify(fetch):
    """Verify a VC-JWT as a third party would: key from the DID document."""

    def run(token: str, *, check_status: bool = True):
        verifier = OB3Verifier.for_issuer_did(issuer_did(), download=fetch)
        return verifier.verify(token, check_status=check_status, download=fetch)

    return run
