"""No page of the learner, trainer or manager journeys loads anything from elsewhere.

Every request the browser makes (documents, CSS, JS, fonts, images such as
avatars, XHR) must go to the site itself: a font CDN or Gravatar would tell a
third party who reads what, or hash people's emails out of the organisation.
"""

import re
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from courses.models import Certificate, LessonPage
from demo.loader import DEMO_PASSWORD
from lms.teams.viewsets import team_viewset
from tests.e2e.conftest import login
from tests.e2e.helpers import admin_login, demo_course, finish_and_submit

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SITE_HOSTS = {"127.0.0.1", "localhost"}
# Schemes that never leave the browser.
LOCAL_SCHEMES = {"data", "blob", "about"}


def _record(context) -> list[str]:
    """Every URL the context's pages request, in order."""
    urls = []
    context.on("request", lambda request: urls.append(request.url))
    return urls


def _third_party(urls: list[str]) -> list[str]:
    return [
        url
        for url in urls
        if urlsplit(url).scheme not in LOCAL_SCHEMES
        and urlsplit(url).hostname not in SITE_HOSTS
    ]


def _visit(page, url: str) -> None:
    response = page.goto(url)
    assert response.status == 200, f"{url}: {response.status}"
    page.wait_for_load_state("networkidle")  # late fonts, images, scripts too


def test_no_page_of_the_journeys_requests_another_host(demo, context, new_context):
    users = get_user_model().objects
    learner = users.get(username="apprenant")
    journeys = users.filter(username__in=["apprenant", "formatrice", "gestionnaire"])
    assert all(journeys.values_list("email", flat=True))  # what Gravatar would hash
    course = demo_course("fr")
    lesson = LessonPage.objects.child_of(course).live().order_by("path").first()
    certificate = Certificate.objects.filter(learner=learner).first()
    assert certificate, "the demo's finished learner has a certificate"
    quiz = course.final_quiz

    # Learner: catalogue to certificate verification.
    learner_requests = _record(context)
    page = context.new_page()
    login(page, demo.url, learner.username, DEMO_PASSWORD)
    for path in (
        "/fr/",
        course.url,
        lesson.url,
        "/fr/learn/",
        f"/fr/certificates/verify/{certificate.code}/",
        f"/fr/quizzes/{quiz.pk}/",
    ):
        _visit(page, demo.url + path)
    # On the quiz page, last: start, then the attempt and result pages.
    page.click('form[action$="/start/"] button')
    page.wait_for_url(re.compile(r"/attempts/\d+/$"))
    page.wait_for_load_state("networkidle")
    finish_and_submit(page)
    page.wait_for_load_state("networkidle")

    # Trainer: the admin, the page explorer, a quiz, the teams.
    trainer_context = new_context()
    trainer_requests = _record(trainer_context)
    trainer = trainer_context.new_page()
    admin_login(trainer, demo.url, "formatrice", DEMO_PASSWORD)
    trainer.wait_for_load_state("networkidle")
    for path in (
        "/admin/pages/",
        f"/admin/pages/{course.pk}/",
        reverse("wagtailsnippets_quizzes_quiz:edit", args=[quiz.pk]),
        reverse(team_viewset.get_url_name("index")),
    ):
        _visit(trainer, demo.url + path)

    # Manager: the reports.
    manager_context = new_context()
    manager_requests = _record(manager_context)
    manager = manager_context.new_page()
    admin_login(manager, demo.url, "gestionnaire", DEMO_PASSWORD)
    manager.wait_for_load_state("networkidle")
    for report in ("completion", "teams", "certificates"):
        _visit(manager, f"{demo.url}/admin/team-reports/{report}/")

    requests = learner_requests + trainer_requests + manager_requests
    assert len(requests) > 30  # the recording saw the pages and their assets
    offending = _third_party(requests)
    assert not offending, "requests to other hosts:\n" + "\n".join(offending)


def test_the_host_check_catches_other_hosts():
    assert _third_party(
        [
            "http://127.0.0.1:8081/static/lms.css",
            "http://localhost:8081/fr/",
            "data:image/png;base64,AAAA",
            "https://www.gravatar.com/avatar/abc?s=50",
            "https://fonts.googleapis.com/css2?family=Inter",
        ]
    ) == [
        "https://www.gravatar.com/avatar/abc?s=50",
        "https://fonts.googleapis.com/css2?family=Inter",
    ]
