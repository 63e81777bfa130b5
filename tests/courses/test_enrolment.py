import datetime

import pytest
from django.core import mail

from courses.models import Enrolment, EnrolmentSource
from courses.services import enrol
from courses.views import ALREADY_ENROLLED, ENROLLED
from tests.courses.conftest import translate
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_enrol_is_idempotent(learner, course):
    first = enrol(learner=learner, course=course)
    second = enrol(learner=learner, course=course)
    assert first.pk == second.pk
    assert Enrolment.objects.count() == 1
    assert first.source == EnrolmentSource.SELF
    assert first.cycle == 1


def test_a_translation_is_the_same_course(learner, course, locale_en):
    english = translate(course, locale_en)
    via_english = enrol(learner=learner, course=english)
    assert via_english.course_id == course.pk  # the original-language page
    assert enrol(learner=learner, course=course).pk == via_english.pk


def test_assignment_sets_and_brings_forward_the_due_date(learner, course, superuser):
    enrol(learner=learner, course=course)
    later, sooner = datetime.date(2031, 6, 1), datetime.date(2031, 3, 1)
    enrolment = enrol(
        learner=learner,
        course=course,
        due_on=later,
        assigned_by=superuser,
        source=EnrolmentSource.ASSIGNMENT,
    )
    assert (enrolment.source, enrolment.due_on) == (EnrolmentSource.ASSIGNMENT, later)
    assert enrolment.assigned_by == superuser
    enrol(
        learner=learner, course=course, due_on=sooner, source=EnrolmentSource.ASSIGNMENT
    )
    enrol(
        learner=learner, course=course, due_on=later, source=EnrolmentSource.ASSIGNMENT
    )
    enrolment.refresh_from_db()
    assert enrolment.due_on == sooner
    assert enrolment.assigned_by == superuser


def test_enrol_view_enrols_once(learner_client, learner, course):
    url = f"/fr/learn/courses/{course.pk}/enrol/"
    response = learner_client.post(url, follow=True)
    assert response.redirect_chain[-1][0] == course.url
    assert str(ENROLLED) in [str(m) for m in response.context["messages"]]
    response = learner_client.post(url, follow=True)
    assert str(ALREADY_ENROLLED) in [str(m) for m in response.context["messages"]]
    assert Enrolment.objects.filter(learner=learner).count() == 1


def test_enrol_view_needs_post_login_and_csrf(client, learner, course):
    url = f"/fr/learn/courses/{course.pk}/enrol/"
    response = client.post(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/fr/accounts/login/")
    client.force_login(learner)
    assert client.get(url).status_code == 405
    client.handler.enforce_csrf_checks = True
    assert client.post(url).status_code == 403
    assert not Enrolment.objects.exists()


def test_enrol_view_refuses_drafts_and_restricted_courses(learner_client, course):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(
        page=course, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    assert (
        learner_client.post(f"/fr/learn/courses/{course.pk}/enrol/").status_code == 404
    )
    course.unpublish()
    assert (
        learner_client.post(f"/fr/learn/courses/{course.pk}/enrol/").status_code == 404
    )
    assert not Enrolment.objects.exists()


def test_course_page_offers_enrolment(client, learner, course):
    html = client.get(course.url).content.decode()
    assert "/fr/accounts/login/?next=" in html  # anonymous: log in to enrol
    client.force_login(learner)
    html = client.get(course.url).content.decode()
    assert f'action="/fr/learn/courses/{course.pk}/enrol/"' in html
    assert 'method="post"' in html


def test_enrolment_email_goes_once_after_commit(
    learner, course, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        enrol(learner=learner, course=course)
    with django_capture_on_commit_callbacks(execute=True):
        enrol(learner=learner, course=course)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [learner.email]
    assert course.title in mail.outbox[0].subject


def test_many_learners_may_enrol(course):
    for learner in UserFactory.create_batch(3):
        enrol(learner=learner, course=course)
    assert course.enrolments.count() == 3
