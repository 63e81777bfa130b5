"""200 % text zoom and 320 px reflow on the attempt page and a lesson (issue 16).

WCAG 1.4.4 and 1.4.10: with the root font at 200 % at 1280 wide, and at
320 CSS px wide, nothing needs a horizontal scroll and the questions and
buttons stay visible.
"""

import re

import pytest
from playwright.sync_api import expect

from courses.models import LessonPage
from demo.progress import seed_demo_progress
from tests.e2e.conftest import login
from tests.e2e.helpers import PASSWORD, demo_course, new_learner

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
ZOOM = "html{font-size:200%}"


def _assert_reflows(page, where: str) -> None:
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    wide = page.evaluate(
        "[...document.querySelectorAll('body *')]"
        ".filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)"
        ".slice(0, 5).map(e => e.tagName + ' ' + e.textContent.trim().slice(0, 30))"
    )
    assert overflow <= 1, f"{where}: {overflow}px of horizontal scroll, {wide}"


def _check_attempt(page, where: str) -> None:
    _assert_reflows(page, where)
    questions = page.locator(".quiz-form .question")
    assert questions.count() >= 1
    for index in range(questions.count()):
        expect(questions.nth(index)).to_be_visible()
    finish = page.locator('.quiz-form button[name="action"][value="finish"]')
    finish.scroll_into_view_if_needed()
    expect(finish).to_be_in_viewport()


def test_attempt_and_lesson_survive_200_percent_text_and_320px(demo, page):
    learner = new_learner()
    seed_demo_progress(
        course=demo_course(), finished_learner=new_learner("x"), halfway_learner=learner
    )
    course = demo_course()
    lesson = LessonPage.objects.child_of(course).live().order_by("path")[1]
    login(page, demo.url, learner.username, PASSWORD)

    page.goto(f"{demo.url}/fr/quizzes/{course.final_quiz_id}/")
    page.click('form[action$="/start/"] button')
    page.wait_for_url(re.compile(r"/attempts/\d+/$"))
    attempt_url = page.url

    for viewport, zoom in (
        ({"width": 1280, "height": 900}, True),
        ({"width": 320, "height": 800}, False),
    ):
        page.set_viewport_size(viewport)
        label = f"{viewport['width']}px{' at 200 %' if zoom else ''}"
        page.goto(attempt_url)
        if zoom:
            page.add_style_tag(content=ZOOM)
        _check_attempt(page, f"attempt, {label}")

        page.goto(demo.url + lesson.url)
        if zoom:
            page.add_style_tag(content=ZOOM)
        _assert_reflows(page, f"lesson, {label}")
        expect(page.locator("main h1")).to_be_visible()
