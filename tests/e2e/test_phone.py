"""Lesson and quiz pages on a 390×844 phone: screenshots with no sideways scroll.

A full-page screenshot is as wide as the page, so a PNG wider than the
viewport is a page that scrolls sideways. Screenshots go to E2E_SCREENSHOTS
when it is set (to look at them), else to the test's temporary directory.
"""

import os
import re
import struct
from pathlib import Path

import pytest

from courses.models import LessonPage
from courses.services import enrol
from quizzes.models import Quiz
from tests.e2e.conftest import PHONE, login
from tests.e2e.helpers import (
    PASSWORD,
    answer,
    correct_answers,
    current_attempt,
    demo_course,
    new_learner,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def png_width(png: bytes) -> int:
    return struct.unpack(">I", png[16:20])[0]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_lesson_and_quiz_pages_fit_a_phone(demo, new_context, tmp_path, lang):
    folder = Path(os.environ.get("E2E_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    learner = new_learner()
    course = demo_course(lang)
    enrol(learner=learner, course=course)
    Quiz.objects.update(time_limit_minutes=30)  # the timer takes room too
    phone = new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    too_wide = {}

    def shoot(name: str) -> None:
        png = phone.screenshot(path=folder / f"phone-{lang}-{name}.png", full_page=True)
        scroll_width = phone.evaluate("document.documentElement.scrollWidth")
        if png_width(png) > PHONE["width"] or scroll_width > PHONE["width"]:
            too_wide[name] = (png_width(png), scroll_width)

    login(phone, demo.url, learner.username, PASSWORD, lang=lang)
    phone.goto(demo.url + course.url)
    shoot("course")
    for lesson in LessonPage.objects.child_of(course).live().order_by("path"):
        phone.goto(demo.url + lesson.url)
        shoot(f"lesson-{lesson.slug}")

    phone.goto(f"{demo.url}/{lang}/quizzes/{course.final_quiz_id}/")
    shoot("quiz")
    phone.click('form[action$="/start/"] button')
    phone.wait_for_url(re.compile(r"/attempts/\d+/$"))
    shoot("attempt")
    attempt = current_attempt(phone)
    answer(phone, attempt, correct_answers(attempt))
    phone.click('.quiz-form button[name="action"][value="finish"]')
    phone.wait_for_url(re.compile(r"/submit/$"))
    shoot("confirmation")
    phone.click('form[action$="/submit/"] button[type="submit"]')
    phone.wait_for_url(re.compile(r"/result/$"))
    shoot("result")
    assert too_wide == {}
