"""Keyboard-only quiz taking, visible focus, the timer, and extra time (WCAG 2.2.1)."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from courses.services import enrol
from demo.loader import DEMO_PASSWORD
from quizzes.models import Quiz, QuizAccommodation
from tests.e2e.conftest import login
from tests.e2e.helpers import (
    ATTEMPT_URL,
    PASSWORD,
    RESULT_URL,
    admin_login,
    correct_answers,
    current_attempt,
    demo_course,
    grade_essays,
    new_learner,
    tab_to,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def press(page, key: str, times: int = 1) -> None:
    for _ in range(times):
        page.keyboard.press(key)


def keyboard_answer(page, row, response) -> None:
    """Answer one question with Tab, Space, arrow keys and typing only."""
    name, kind, shown = f"q{row.slot}", row.question_type, row.presentation
    if kind in ("single_choice", "true_false"):
        if kind == "true_false":
            response = "true" if response else "false"
        index = [option["id"] for option in shown["options"]].index(response)
        tab_to(page, f'input[name="{name}"]')  # the group's first radio
        # Arrows move and select; Space selects the first one.
        press(page, "ArrowDown", index) if index else press(page, "Space")
    elif kind == "multiple_response":
        for option in shown["options"]:
            tab_to(page, f'input[name="{name}"][value="{option["id"]}"]')
            if option["id"] in response:
                press(page, "Space")
    elif kind == "ordering":
        for item in shown["items"]:
            tab_to(page, f"#{name}-{item['id']}")
            press(page, "ArrowDown", response.index(item["id"]) + 1)
    elif kind == "matching":
        options = [option["id"] for option in shown["options"]]
        for prompt in shown["prompts"]:
            tab_to(page, f"#{name}-{prompt['id']}")
            press(page, "ArrowDown", options.index(response[prompt["id"]]) + 1)
    else:
        tab_to(page, f"#{name}")
        page.keyboard.type(str(response))


QUESTION_TYPES = {
    "single_choice",
    "multiple_response",
    "true_false",
    "short_text",
    "numeric",
    "matching",
    "ordering",
    "essay",  # typed like a text answer; the demo trainer grades it after
}


def test_keyboard_only_learner_answers_every_type_one_page_at_a_time(demo, page):
    """Sign in, start, answer, next page, finish, confirm, result: keys only."""
    learner = new_learner()
    course = demo_course("fr")
    enrol(learner=learner, course=course)
    Quiz.objects.filter(pk=course.final_quiz_id).update(questions_per_page="one")

    page.goto(f"{demo.url}/fr/accounts/login/")
    tab_to(page, "input[name=username]")
    page.keyboard.type(learner.username)
    tab_to(page, "input[name=password]")
    page.keyboard.type(PASSWORD)
    press(page, "Enter")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)

    page.goto(f"{demo.url}/fr/quizzes/{course.final_quiz_id}/")
    tab_to(page, 'form[action$="/start/"] button')
    press(page, "Enter")
    page.wait_for_url(ATTEMPT_URL)
    attempt = current_attempt(page)
    rows = list(attempt.attempt_questions.order_by("slot"))
    assert {row.question_type for row in rows} == QUESTION_TYPES
    answers = correct_answers(attempt)
    for number, row in enumerate(rows, start=1):
        expect(page.locator(f'[name^="q{row.slot}"]').first).to_be_attached()
        keyboard_answer(page, row, answers[row.slot])
        if row.question_type in ("short_text", "numeric"):
            # Shift+Tab comes back to the field, with the answer still in it.
            press(page, "Tab")
            press(page, "Shift+Tab")
            expect(page.locator(f"#q{row.slot}")).to_be_focused()
            expect(page.locator(f"#q{row.slot}")).to_have_value(str(answers[row.slot]))
        if number < len(rows):
            tab_to(page, 'button[name="action"][value="next"]')
            press(page, "Enter")
            page.wait_for_url(re.compile(rf"\?page={number + 1}\b"))

    tab_to(page, 'button[name="action"][value="finish"]')
    press(page, "Enter")
    page.wait_for_url(re.compile(r"/submit/$"))
    assert page.locator(".quiz-unanswered").count() == 0  # every answer was kept
    tab_to(page, 'form[action$="/submit/"] button')
    press(page, "Enter")
    page.wait_for_url(RESULT_URL)
    assert grade_essays(attempt)  # the essay waited for a person
    page.reload()
    attempt.refresh_from_db()
    assert attempt.score_percent == 100
    assert page.locator(".quiz-score--passed").is_visible()


def _timed_final_quiz(minutes: int) -> Quiz:
    course = demo_course("fr")
    Quiz.objects.filter(translation_key=course.final_quiz.translation_key).update(
        time_limit_minutes=minutes
    )
    return Quiz.objects.get(pk=course.final_quiz_id)


def _seconds_allowed(page) -> float:
    timer = page.locator("[data-quiz-timer]")
    deadline, now = (
        datetime.datetime.fromisoformat(timer.get_attribute(f"data-{name}"))
        for name in ("deadline", "server-now")
    )
    return (deadline - now).total_seconds()


def test_time_limit_is_announced_to_screen_readers(demo, page):
    learner = new_learner()
    quiz = _timed_final_quiz(10)
    enrol(learner=learner, course=demo_course("fr"))
    login(page, demo.url, learner.username, PASSWORD)
    page.clock.install()  # the page's clock only: the server keeps real time

    page.goto(f"{demo.url}/fr/quizzes/{quiz.pk}/")
    assert "10" in page.locator(".quiz-facts").inner_text()  # said before starting
    page.click('form[action$="/start/"] button')
    page.wait_for_url(ATTEMPT_URL)
    timer = page.locator("[data-quiz-timer]")
    assert re.search(r"\b(9|10) min\b", timer.inner_text())
    announcer = timer.locator("[aria-live=polite]")
    assert announcer.get_attribute("aria-atomic") == "true"
    assert announcer.inner_text() == ""  # no announcement burst on arrival

    page.clock.fast_forward("05:30")
    announcer.filter(has_text=re.compile(r"\b5\b")).wait_for(state="attached")
    five_minutes = announcer.text_content()
    page.clock.fast_forward("04:10")
    announcer.filter(has_not_text=five_minutes).wait_for(state="attached")
    assert announcer.text_content().strip()  # the last-minute warning
    assert current_attempt(page).is_in_progress


def test_trainer_gives_one_learner_extra_time(demo, page, new_context):
    learner = new_learner()
    other = new_learner("e2e-no-extra-time")
    quiz = _timed_final_quiz(10)
    for person in (learner, other):
        enrol(learner=person, course=demo_course("fr"))

    admin_login(page, demo.url, "formatrice", DEMO_PASSWORD)
    page.goto(f"{demo.url}/admin/snippets/quizzes/quizaccommodation/add/")
    page.click("[data-chooser-action-choose]")
    page.click(f'.modal a[data-chooser-modal-choice][href*="/{quiz.pk}/"]')
    page.select_option("#id_learner", str(learner.pk))
    page.fill("#id_time_multiplier", "1.5")
    page.fill("#id_extra_minutes", "5")
    page.click("button.action-save")
    page.wait_for_url(re.compile(r"/quizaccommodation/$"))
    accommodation = QuizAccommodation.objects.get(learner=learner)
    assert accommodation.minutes_for(10) == 20
    assert not get_user_model().objects.get(pk=other.pk).quiz_accommodations.exists()

    for person, minutes in ((learner, 20), (other, 10)):
        tab = new_context().new_page()
        login(tab, demo.url, person.username, PASSWORD)
        tab.goto(f"{demo.url}/fr/quizzes/{quiz.pk}/")
        assert str(minutes) in tab.locator(".quiz-facts").inner_text()
        tab.click('form[action$="/start/"] button')
        tab.wait_for_url(ATTEMPT_URL)
        assert abs(_seconds_allowed(tab) - minutes * 60) < 30
