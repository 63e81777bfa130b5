"""An essay from the learner's box to the trainer's rubric and back (issue 13).

A learner answers the demo's final quiz, essay included (the live word count
follows their typing), submits, and reads "awaiting grading". The demo
trainer grades it from Quizzes › To grade; the learner then sees their result
and the trainer's feedback. axe checks the queue and the grading screen in
French and in English.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from courses.services import enrol
from demo.loader import DEMO_PASSWORD
from quizzes.models import AttemptState
from tests.e2e.conftest import TIMEOUT_MS, axe_violations, login
from tests.e2e.helpers import (
    PASSWORD,
    RESULT_URL,
    admin_login,
    answer,
    correct_answers,
    current_attempt,
    demo_course,
    finish_and_submit,
    new_learner,
)
from tests.e2e.test_admin_accessibility import WAGTAIL_MARKUP

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

FEEDBACK = "Refus chaleureux et coordonnées de travail : bravo !"


def relais_violations(page) -> list[dict]:
    """axe's serious and critical violations, minus those of Wagtail's own markup."""
    left = []
    for violation in axe_violations(page):
        targets = [
            target
            for target in violation["targets"]
            if not any(
                violation["id"] == rule and re.search(pattern, " ".join(target))
                for rule, pattern in WAGTAIL_MARKUP
            )
        ]
        if targets:
            left.append({**violation, "targets": targets})
    return left


def test_an_essay_is_written_graded_and_read_back(demo, page, new_context):
    learner = new_learner()
    course = demo_course("fr")
    enrol(learner=learner, course=course)

    # The learner writes the essay; the live count follows.
    login(page, demo.url, learner.username, PASSWORD)
    page.goto(f"{demo.url}/fr/quizzes/{course.final_quiz_id}/")
    page.click('form[action$="/start/"] button')
    page.wait_for_url(re.compile(r"/attempts/\d+/$"))
    attempt = current_attempt(page)
    essay = attempt.attempt_questions.get(question_type="essay")
    box = page.locator(f"#q{essay.slot}")
    counter = page.locator(f"#question-{essay.slot}-words")
    expect(counter).to_have_attribute("aria-live", "polite")
    box.press_sequentially("Bonjour Marc, merci beaucoup")
    expect(counter).to_contain_text("4", timeout=TIMEOUT_MS)
    answer(page, attempt, correct_answers(attempt))
    finish_and_submit(page, graded=False)
    attempt.refresh_from_db()
    assert attempt.state == AttemptState.AWAITING_GRADING
    expect(page.locator(".quiz-score--pending")).to_be_visible()

    # The trainer grades it from the queue, in French then in English.
    trainer_page = new_context().new_page()
    admin_login(trainer_page, demo.url, "formatrice", DEMO_PASSWORD)
    for language in ("en", "fr"):
        profile = UserProfile.get_for_user(attempt_trainer())
        profile.preferred_language = language
        profile.save()
        trainer_page.goto(demo.url + reverse("grading:queue"))
        expect(trainer_page.locator("main")).to_contain_text(learner.get_full_name())
        assert relais_violations(trainer_page) == [], f"queue ({language})"
        trainer_page.goto(demo.url + reverse("grading:answer", args=[essay.pk]))
        expect(trainer_page.locator("fieldset legend").first).to_be_visible()
        assert relais_violations(trainer_page) == [], f"grading screen ({language})"
    for fieldset in trainer_page.locator("fieldset.relais-grading__criterion").all():
        fieldset.locator("input[type=radio]").last.check()
    trainer_page.fill("textarea[name=feedback]", FEEDBACK)
    trainer_page.click("main form button[type=submit]")
    trainer_page.wait_for_url(re.compile(r"/admin/grading/(\?.*)?$"))
    attempt.refresh_from_db()
    assert attempt.state == AttemptState.SUBMITTED and attempt.passed

    # The learner reads the result and the feedback.
    page.goto(demo.url + reverse("quizzes:result", args=[attempt.pk]))
    page.wait_for_url(RESULT_URL)
    expect(page.locator(".quiz-score--passed")).to_be_visible()
    expect(page.locator("main")).to_contain_text(FEEDBACK)


def attempt_trainer():
    return get_user_model().objects.get(username="formatrice")
