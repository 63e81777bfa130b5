"""200 % text zoom and 320 px reflow on the attempt page and a lesson (issue 16).

WCAG 1.4.4 and 1.4.10: with the root font at 200 % at 1280 wide, and at
320 CSS px wide, nothing needs a horizontal scroll and the questions and
buttons stay visible. The demo's final quiz has every question type, and
each one is checked on its own: its prompt, labels and controls stay inside
the window and no text is cut off by its box.
"""

import re

import pytest
from playwright.sync_api import expect

from courses.models import LessonPage
from demo.progress import seed_demo_progress
from tests.e2e.conftest import login
from tests.e2e.helpers import PASSWORD, demo_course, demo_grader, new_learner

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
ZOOM = "html{font-size:200%}"
QUESTION_TYPES = (
    "single_choice",
    "multiple_response",
    "true_false",
    "short_text",
    "numeric",
    "matching",
    "ordering",
)
# What of a question is cut off: outside the window, or text wider than its
# own box where the box hides the overflow. Visually hidden text is meant
# to be 1 px wide; a closed <select> shows its choice as it can.
CUT_OFF = """question => [...question.querySelectorAll(
        'legend, h2, p, li, label, span, input, select, textarea, button')]
    .filter(e => e.getClientRects().length && !e.closest('.visually-hidden'))
    .filter(e => {
        const box = e.getBoundingClientRect();
        const outside = box.left < -1 || box.right > window.innerWidth + 1;
        const clipped = e.tagName !== 'SELECT' && e.tagName !== 'INPUT'
            && e.scrollWidth > e.clientWidth + 1
            && getComputedStyle(e).overflowX !== 'visible';
        return outside || clipped;
    })
    .slice(0, 5)
    .map(e => e.tagName + ' ' + (e.textContent || e.name).trim().slice(0, 30))
"""


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
    for kind in QUESTION_TYPES:
        question = page.locator(f".quiz-form .question--{kind}").first
        question.scroll_into_view_if_needed()
        expect(question).to_be_visible()
        cut_off = question.evaluate(CUT_OFF)
        assert cut_off == [], f"{where}, {kind}: cut off {cut_off}"
    finish = page.locator('.quiz-form button[name="action"][value="finish"]')
    finish.scroll_into_view_if_needed()
    expect(finish).to_be_in_viewport()


def test_attempt_and_lesson_survive_200_percent_text_and_320px(demo, page):
    learner = new_learner()
    seed_demo_progress(
        grader=demo_grader(),
        course=demo_course(),
        finished_learner=new_learner("x"),
        halfway_learner=learner,
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
