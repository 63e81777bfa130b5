"""Submitting an attempt twice (double click, two tabs) or going back after it."""

import re

import pytest
from playwright.sync_api import expect
from wagtail.models import ModelLogEntry

from courses.services import enrol
from quizzes.models import QuizAttempt
from quizzes.services import ACTION_SUBMIT
from tests.e2e.conftest import TIMEOUT_MS, login
from tests.e2e.helpers import (
    PASSWORD,
    RESULT_URL,
    answer,
    correct_answers,
    current_attempt,
    demo_course,
    new_learner,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def quiz_page(demo, page):
    """A fresh enrolled learner's page on a final-quiz attempt, half answered."""
    learner = new_learner()
    course = demo_course("fr")
    enrol(learner=learner, course=course)
    login(page, demo.url, learner.username, PASSWORD)
    page.goto(f"{demo.url}/fr/quizzes/{course.final_quiz_id}/")
    page.click('form[action$="/start/"] button')
    page.wait_for_url(re.compile(r"/attempts/\d+/$"))
    attempt = current_attempt(page)
    answers = correct_answers(attempt)
    answer(page, attempt, dict(list(answers.items())[: len(answers) // 2]))
    page.click('.quiz-form button[name="action"][value="finish"]')
    page.wait_for_url(re.compile(r"/submit/$"))
    return page, attempt


def assert_one_result(attempt, *pages) -> None:
    attempt.refresh_from_db()
    assert attempt.is_submitted
    assert QuizAttempt.objects.filter(learner=attempt.learner).count() == 1
    submits = ModelLogEntry.objects.filter(
        action=ACTION_SUBMIT, object_id=str(attempt.pk)
    )
    assert submits.count() == 1
    score = f"{attempt.score_percent.normalize():f}"
    for tab in pages:
        assert RESULT_URL.search(tab.url)
        shown = tab.locator(".quiz-score__value").inner_text()
        assert score in shown.replace(",", "."), (score, shown)


def test_double_click_on_submit_records_one_result(quiz_page):
    page, attempt = quiz_page
    submit = 'form[action$="/submit/"] button[type="submit"]'
    page.dblclick(submit)
    # Not wait_for_url: it may catch a first submission aborted by the second.
    expect(page).to_have_url(RESULT_URL)
    page.wait_for_load_state()
    assert_one_result(attempt, page)


def test_second_click_while_the_first_is_on_its_way_records_one_result(quiz_page):
    """A slow connection: the first submission reached the server, no answer yet.

    Chromium drops the second click of a fast double click (the first
    submission has not left yet); on a slow line both reach the server.
    """
    page, attempt = quiz_page
    submit = 'form[action$="/submit/"] button[type="submit"]'
    sent = []

    def hold_first_answer(route):
        if sent:
            sent.append(route.request.url)
            route.continue_()
        else:
            sent.append(route.fetch())  # the server has the first submission

    page.route("**/submit/", hold_first_answer)
    box = page.locator(submit).bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.click(x, y)
    for _ in range(TIMEOUT_MS // 20):
        if sent:
            break
        page.wait_for_timeout(20)  # lets Playwright run the route handler
    assert sent, "the first submission never reached the server"
    page.mouse.click(x, y)  # the page has not changed yet: same button
    # Not wait_for_url: it may catch the held first navigation being aborted.
    expect(page).to_have_url(RESULT_URL)
    page.wait_for_load_state()
    assert len(sent) == 2, sent
    assert_one_result(attempt, page)


def test_two_tabs_submitting_the_same_attempt_record_one_result(quiz_page):
    first, attempt = quiz_page
    second = first.context.new_page()
    second.goto(first.url)  # the same confirmation page, in another tab
    submit = 'form[action$="/submit/"] button[type="submit"]'
    first.click(submit, no_wait_after=True)
    second.click(submit, no_wait_after=True)
    first.wait_for_url(RESULT_URL)
    second.wait_for_url(RESULT_URL)
    assert_one_result(attempt, first, second)


def test_back_button_after_submitting_does_not_reopen_the_attempt(quiz_page):
    page, attempt = quiz_page
    page.click('form[action$="/submit/"] button[type="submit"]')
    page.wait_for_url(RESULT_URL)
    for _ in range(2):  # back to the confirmation page, then to the questions
        page.go_back()
        page.wait_for_url(RESULT_URL)
        assert page.locator(".quiz-form").count() == 0
        assert page.locator("main input:not([type=hidden]):enabled").count() == 0
    assert_one_result(attempt, page)
