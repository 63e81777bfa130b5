import datetime

import pytest
from django.utils import timezone

from courses.models import Certificate, CertificateStatus, CourseCompletion
from courses.selectors import enrolment_progress
from demo.progress import seed_demo_progress
from tests.factories import LessonPageFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_learners(db):
    return UserFactory(username="apprenant"), UserFactory(username="apprenante2")


@pytest.mark.parametrize("with_quiz", [False, True], ids=["no quiz", "final quiz"])
def test_seed_is_idempotent(request, course, demo_learners, with_quiz):
    if with_quiz:
        course = request.getfixturevalue("quiz_course")
    LessonPageFactory(parent=course)  # four lessons: halfway is two
    finished, halfway = demo_learners
    for _ in range(2):
        result = seed_demo_progress(
            course=course, finished_learner=finished, halfway_learner=halfway
        )
    certificate = Certificate.objects.get()
    assert certificate == result["certificate"]
    assert certificate.learner == finished
    assert certificate.status == CertificateStatus.VALID
    assert CourseCompletion.objects.count() == 1
    progress = enrolment_progress(enrolment=result["halfway"])
    assert (len(progress.done_keys), progress.is_complete) == (2, False)
    if with_quiz:
        assert finished.quiz_attempts.filter(passed=True).count() == 1


def test_seed_renews_an_expired_certificate(course, demo_learners):
    course.certificate_validity_months = 12
    course.save_revision().publish()
    finished, halfway = demo_learners
    seed_demo_progress(
        course=course, finished_learner=finished, halfway_learner=halfway
    )
    Certificate.objects.update(expires_at=timezone.now() - datetime.timedelta(days=1))
    result = seed_demo_progress(
        course=course, finished_learner=finished, halfway_learner=halfway
    )
    assert result["certificate"].is_valid
    assert Certificate.objects.count() == 2  # the expired one stays in the history
