import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from courses.models import Certificate
from courses.services import certificate_revoke, enrol, lesson_complete
from tests.courses.conftest import french, translate
from tests.factories import CoursePageFactory, LessonPageFactory

pytestmark = pytest.mark.django_db

DASHBOARD = "/fr/learn/"


def test_dashboard_url_and_nav_link(learner_client):
    assert reverse("courses:dashboard") == DASHBOARD
    html = learner_client.get(DASHBOARD).content.decode()
    assert f'href="{DASHBOARD}" aria-current="page"' in html
    assert html.count("<h1") == 1


def test_empty_dashboard(learner_client):
    html = learner_client.get(DASHBOARD).content.decode()
    assert french("You are not enrolled in any course yet.") in html
    assert "<progress" not in html


def make_course(catalogue, title, lessons=2, **fields):
    course = CoursePageFactory(parent=catalogue, title=title, **fields)
    for _ in range(lessons):
        LessonPageFactory(parent=course)
    return course, list(course.get_children().specific())


def test_dashboard_sections(learner_client, learner, catalogue, superuser):
    doing, doing_lessons = make_course(catalogue, "Cours en cours", lessons=4)
    done, done_lessons = make_course(
        catalogue, "Cours terminé", certificate_validity_months=1
    )
    revoked, revoked_lessons = make_course(catalogue, "Cours révoqué")
    enrolment = enrol(learner=learner, course=doing, due_on=datetime.date(2031, 5, 4))
    lesson_complete(enrolment=enrolment, lesson=doing_lessons[0])
    for course, lessons in ((done, done_lessons), (revoked, revoked_lessons)):
        enrolment = enrol(learner=learner, course=course)
        for lesson in lessons:
            lesson_complete(enrolment=enrolment, lesson=lesson)
    certificate_revoke(
        certificate=Certificate.objects.get(course=revoked), reason="x", by=superuser
    )
    valid = Certificate.objects.get(course=done)

    html = learner_client.get(DASHBOARD).content.decode()
    in_progress = html[
        html.index('id="in-progress-title"') : html.index('id="completed-title"')
    ]
    assert "Cours en cours" in in_progress and "Cours terminé" not in in_progress
    assert 'value="25"' in in_progress and "<progress" in in_progress
    text = french(
        "%(done)s of %(total)s steps done (%(percent)s %%)", done=1, total=4, percent=25
    )
    assert text in in_progress  # the progress bar's text alternative
    assert "2031" in in_progress  # the due date
    completed = html[
        html.index('id="completed-title"') : html.index('id="certificates-title"')
    ]
    assert "Cours terminé" in completed and "Cours révoqué" in completed
    certificates = html[html.index('id="certificates-title"') :]
    assert reverse("courses:certificate_pdf", args=[valid.pk]) in certificates
    assert reverse("certificates:verify", args=[valid.code]) in certificates
    assert "linkedin.com/profile/add" in certificates
    assert french("Valid") in certificates and french("Revoked") in certificates
    expiring = html[
        html.index('id="expiring-title"') : html.index('id="in-progress-title"')
    ]
    assert "Cours terminé" in expiring  # valid for a month: expires within 60 days


def test_expired_and_far_certificates_are_not_expiring_soon(
    learner_client, learner, catalogue
):
    course, lessons = make_course(
        catalogue, "Cours annuel", certificate_validity_months=12
    )
    enrolment = enrol(learner=learner, course=course)
    for lesson in lessons:
        lesson_complete(enrolment=enrolment, lesson=lesson)
    assert 'id="expiring-title"' not in learner_client.get(DASHBOARD).content.decode()
    Certificate.objects.update(expires_at=timezone.now() - datetime.timedelta(days=1))
    html = learner_client.get(DASHBOARD).content.decode()
    assert 'id="expiring-title"' not in html
    assert french("Expired") in html
    assert reverse("courses:restart", args=[course.pk]) in html  # recertify


def test_dashboard_shows_titles_in_the_visitor_language(
    client, learner, course, lessons, locale_en
):
    english = translate(course, locale_en)
    english.title = "Privacy at work"
    english.save_revision().publish()
    enrol(learner=learner, course=course)
    client.force_login(learner)
    html = client.get("/en/learn/").content.decode()
    assert "Privacy at work" in html and english.url in html
    html = client.get(DASHBOARD).content.decode()
    assert course.title in html and course.url in html


def dashboard_queries(client) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(DASHBOARD).status_code == 200
    return len(context.captured_queries)


def test_dashboard_costs_constant_queries(client, learner, catalogue, quiz):
    client.force_login(learner)
    client.get(DASHBOARD)  # warm the session
    counts = []
    for index in range(6):
        course, lessons = make_course(
            catalogue,
            f"Cours {index}",
            certificate_validity_months=1,
            final_quiz=quiz if index % 2 else None,
        )
        enrolment = enrol(learner=learner, course=course)
        for lesson in lessons[: index % 3]:
            lesson_complete(enrolment=enrolment, lesson=lesson)
        if index in (1, 5):
            dashboard_queries(client)  # warm the site-root cache for new pages
            counts.append(dashboard_queries(client))
    assert counts[0] == counts[1]
    assert counts[0] <= 12
