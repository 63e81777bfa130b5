"""A new learner, from logging in to a certificate anyone can verify."""

import re

import pytest
from playwright.sync_api import expect

from courses.models import Certificate, LessonPage
from tests.e2e.conftest import login
from tests.e2e.helpers import (
    PASSWORD,
    answer,
    correct_answers,
    current_attempt,
    demo_course,
    finish_and_submit,
    new_learner,
    submitted_attempts,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_learner_enrols_reads_passes_and_gets_a_verifiable_certificate(
    demo, page, new_context
):
    learner = new_learner()
    course = demo_course("fr")
    lessons = list(LessonPage.objects.child_of(course).live().order_by("path"))
    assert course.final_quiz.max_attempts is None  # so failing once is allowed

    login(page, demo.url, learner.username, PASSWORD)
    page.goto(demo.url + course.url)
    page.click('#course-actions form[action$="/enrol/"] button')
    page.wait_for_selector("#course-actions progress")

    # Read every lesson with the Next button.
    page.click("#course-actions a.button")  # "Start the course"
    for lesson in lessons:
        expect(page.locator("main h1")).to_have_text(lesson.title)
        if lesson != lessons[-1]:
            page.click(".lesson-pager a[rel=next]")
    assert page.locator(".lesson-pager a[rel=next]").count() == 0

    # Mark them done: each one moves on to the next, the last back to the course.
    page.goto(demo.url + lessons[0].url)
    for lesson in lessons:
        expect(page.locator("main h1")).to_have_text(lesson.title)
        page.click("#lesson-complete button")
        target = lessons[lessons.index(lesson) + 1] if lesson != lessons[-1] else course
        page.wait_for_url(re.compile(re.escape(target.url) + "$"))
    assert page.locator(".outline__item.is-done").count() == len(lessons)

    # The final quiz: fail once...
    page.click(f'#course-actions a[href$="/quizzes/{course.final_quiz_id}/"]')
    page.click('form[action$="/start/"] button')
    page.wait_for_url(re.compile(r"/attempts/\d+/$"))
    first = current_attempt(page)
    answers = correct_answers(first)
    answer(page, first, dict(list(answers.items())[:2]))
    finish_and_submit(page)
    assert page.locator(".quiz-score--failed").is_visible()

    # ...then pass.
    page.click('.quiz-actions form[action$="/start/"] button')  # "Try again"
    page.wait_for_url(re.compile(r"/attempts/\d+/$"))
    second = current_attempt(page)
    assert second.pk != first.pk
    answer(page, second, correct_answers(second))
    finish_and_submit(page)
    assert page.locator(".quiz-score--passed").is_visible()
    attempts = submitted_attempts(learner, course.final_quiz)
    assert sorted(a.passed for a in attempts) == [False, True]

    # The course is complete: download the certificate.
    page.goto(demo.url + course.url)
    certificate = Certificate.objects.get(learner=learner)
    with page.expect_download() as download_info:
        page.click(f'a[href$="/certificates/{certificate.pk}/pdf/"]')
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    with open(download.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"

    # Anyone can verify it, logged out.
    verify_url = page.get_attribute(
        f'#course-actions a[href*="/verify/{certificate.code}/"]', "href"
    )
    visitor = new_context().new_page()
    visitor.goto(demo.url + verify_url)
    assert visitor.locator(".verify--valid").is_visible()
    assert "Élodie Girard" in visitor.locator(".verify__facts").inner_text()
    assert visitor.locator("form[action$='/logout/']").count() == 0
