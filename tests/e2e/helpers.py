"""Steps the browser tests share: learners, quiz answers, waiting for pages.

Selectors lean on what the templates guarantee (form actions, field names,
ids) rather than on wording, which the translators own.
"""

import re

from django.contrib.auth import get_user_model

from courses.models import CoursePage
from quizzes.models import AttemptState, QuizAttempt
from quizzes.services.grading import essay_grade
from tests.factories import UserFactory
from tests.quizzes.helpers import key_responses

PASSWORD = "pass-word-123"  # UserFactory's
ATTEMPT_URL = re.compile(r"/quizzes/attempts/(\d+)/(?:\?page=\d+)?(?:#.*)?$")
RESULT_URL = re.compile(r"/quizzes/attempts/(\d+)/result/$")


def new_learner(username: str = "e2e-learner", **fields):
    """A learner with no history, so the demo learners' progress cannot interfere."""
    return UserFactory(
        username=username,
        first_name=fields.pop("first_name", "Élodie"),
        last_name=fields.pop("last_name", "Girard"),
        **fields,
    )


def admin_login(page, base_url: str, username: str, password: str) -> None:
    page.goto(f"{base_url}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("form button[type=submit]")
    page.wait_for_url(f"{base_url}/admin/")


def demo_course(lang: str = "fr") -> CoursePage:
    return CoursePage.objects.get(locale__language_code=lang)


def current_attempt(page) -> QuizAttempt:
    """The attempt whose page (or result page) the browser shows."""
    match = ATTEMPT_URL.search(page.url) or RESULT_URL.search(page.url)
    assert match, f"not on an attempt page: {page.url}"
    return QuizAttempt.objects.get(pk=int(match.group(1)))


def correct_answers(attempt: QuizAttempt) -> dict:
    """Full-marks responses by slot, read from what the attempt showed."""
    return key_responses(list(attempt.attempt_questions.order_by("slot")))


def answer(page, attempt: QuizAttempt, responses: dict) -> None:
    """Answer questions on the attempt page (any input method will do here)."""
    types = dict(attempt.attempt_questions.values_list("slot", "question_type"))
    for slot, response in responses.items():
        name = f"q{slot}"
        kind = types[slot]
        if kind == "true_false":
            page.check(f'input[name="{name}"][value="{str(response).lower()}"]')
        elif kind == "single_choice":
            page.check(f'input[name="{name}"][value="{response}"]')
        elif kind == "multiple_response":
            for key in response:
                page.check(f'input[name="{name}"][value="{key}"]')
        elif kind == "ordering":
            for position, key in enumerate(response, start=1):
                page.select_option(f"#{name}-{key}", str(position))
        elif kind == "matching":
            for left, right in response.items():
                page.select_option(f"#{name}-{left}", right)
        else:
            page.fill(f"#{name}", str(response))


def finish_and_submit(page, *, graded: bool = True) -> None:
    """Finish, confirm, and land on the result page.

    The demo's final quiz has an essay, which waits for a person: with
    ``graded`` (the default), the demo trainer grades it at once (full marks,
    through the grading service, as the queue would) and the result page is
    read again, so journeys go on to the certificate.
    """
    page.click('.quiz-form button[name="action"][value="finish"]')
    page.wait_for_url(re.compile(r"/submit/$"))
    page.click('form[action$="/submit/"] button[type="submit"]')
    page.wait_for_url(RESULT_URL)
    if graded and grade_essays(current_attempt(page)):
        page.reload()


def demo_grader():
    """The demo trainer, who grades essays (``seed_demo_progress(grader=…)``)."""
    return get_user_model().objects.get(username="formatrice")


def grade_essays(attempt: QuizAttempt) -> bool:
    """The demo trainer grades the attempt's essays with full marks; any?"""
    rows = list(attempt.attempt_questions.filter(needs_person=True).order_by("slot"))
    if not rows:
        return False
    grader = demo_grader()
    for row in rows:
        attempt.refresh_from_db()
        essay_grade(
            attempt_question=row,
            grader=grader,
            levels=row.served_question.key_decision()["levels"],
            feedback="",
            sequence=attempt.sequence,
        )
    return True


def submitted_attempts(learner, quiz) -> list[QuizAttempt]:
    return list(
        QuizAttempt.objects.filter(
            learner=learner, quiz=quiz, state=AttemptState.SUBMITTED
        )
    )


FOCUS_STYLE = """() => {
    const element = document.activeElement;
    const style = getComputedStyle(element);
    return {
        tag: element.tagName.toLowerCase(),
        name: element.name || element.getAttribute("href") || element.id || "",
        visible: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0
            || style.boxShadow !== "none",
    };
}"""


def tab_to(page, selector: str, *, limit: int = 60) -> list[dict]:
    """Press Tab until `selector` has focus; every stop must show its focus.

    Returns the stops, for messages. Fails if focus never gets there, or if
    any focused control on the way has neither an outline nor a box-shadow.
    """
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUS_STYLE)
        stops.append(stop)
        assert stop["visible"], f"focus not visible on {stop}"
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return stops
    raise AssertionError(f"Tab never reached {selector}: {stops[-5:]}")


# The reports' filter toggle, in the admin language of whoever is signed in
# (the demo's French staff get the admin in French).
SHOW_FILTERS = (
    "button[aria-label='Show filters'], button[aria-label='Afficher les filtres']"
)
