"""axe-core on every page a visitor, learner or manager sees, in both languages.

Zero serious or critical violations (WCAG 2.2 AA tags) is the bar. Learner
pages are checked as an enrolled learner, so lesson bodies, the timer, a
form error, the review and certificates are all on screen. Every visitor and
learner page is checked at 1280×900 and again at 390×844 on the same page
object (resized, not reloaded), so one walk through the site covers both.

The learner URLs, from the URL confs: the Wagtail pages (catalogue, course,
lessons, search), accounts/login, learn/ (dashboard), certificates/verify/,
quizzes/<id>/ (start), attempts/<id>/ (attempt, one page and one per page),
attempts/<id>/submit/ (confirmation), attempts/<id>/result/ (result and
review), and any unknown path (404). The POST-only ones (enrol, restart,
lesson complete, the language switcher) and the PDF have no page.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from wagtail.users.models import UserProfile

from courses.models import Certificate, CoursePage, LessonPage
from demo.loader import DEMO_PASSWORD
from demo.progress import seed_demo_progress
from quizzes.models import Quiz
from tests.e2e.conftest import DESKTOP, PHONE, axe_violations, login
from tests.e2e.helpers import (
    PASSWORD,
    admin_login,
    answer,
    correct_answers,
    current_attempt,
    demo_course,
    demo_grader,
    new_learner,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
LANGUAGES = ["fr", "en"]
# Phone-sized layouts are checked in test_phone.py.


def _public_pages(lang):
    course = CoursePage.objects.get(locale__language_code=lang)
    lesson = LessonPage.objects.child_of(course).order_by("path")[2]
    return {
        "catalogue": f"/{lang}/",
        "course": course.url,
        "lesson (not enrolled)": lesson.url,
        "search": f"/{lang}/search/?q=LinkedIn",
        "login": f"/{lang}/accounts/login/",
        "verification (unknown code)": f"/{lang}/certificates/verify/nope/",
        "404": f"/{lang}/no-such-page/",
    }


class AxeReport:
    """Collects violations page by page, so one run reports every bad page.

    With ``phone=True`` each page is checked at the desktop size, then
    resized to a phone's and checked again (then set back).
    """

    def __init__(self, page, *, phone: bool = False):
        self.page = page
        self.sizes = [DESKTOP, PHONE] if phone else [DESKTOP]
        self.problems = {}

    def check(self, name: str) -> None:
        for size in self.sizes:
            self.page.set_viewport_size(size)
            if violations := axe_violations(self.page):
                where = f"{name} {size['width']}x{size['height']} {self.page.url}"
                self.problems[where] = violations
        self.page.set_viewport_size(self.sizes[0])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_public_pages_have_no_serious_axe_violations(demo, page, lang):
    axe = AxeReport(page, phone=True)
    for name, path in _public_pages(lang).items():
        page.goto(demo.url + path)
        axe.check(name)
    assert axe.problems == {}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_learner_pages_have_no_serious_axe_violations(demo, page, lang):
    learner = new_learner()
    seed_demo_progress(
        grader=demo_grader(),
        course=demo_course(),
        finished_learner=learner,
        halfway_learner=new_learner("x"),
    )
    # The timer is on the page too, and the result shows the whole review.
    Quiz.objects.update(
        time_limit_minutes=30,
        review_marks="after_submission",
        review_correct_answers="after_submission",
        review_explanations="after_submission",
    )
    course = demo_course(lang)
    certificate = Certificate.objects.get(learner=learner)
    axe = AxeReport(page, phone=True)

    login(page, demo.url, learner.username, PASSWORD, lang=lang)
    for name, path in {
        "catalogue": f"/{lang}/",
        "course": course.url,
        "dashboard": f"/{lang}/learn/",
        "verification": f"/{lang}/certificates/verify/{certificate.code}/",
        "quiz": f"/{lang}/quizzes/{course.final_quiz_id}/",
        "404": f"/{lang}/learn/no-such-page/",
    }.items():
        page.goto(demo.url + path)
        axe.check(name)
    for lesson in LessonPage.objects.child_of(course).live().order_by("path"):
        page.goto(demo.url + lesson.url)
        axe.check(f"lesson {lesson.slug}")

    page.goto(f"{demo.url}/{lang}/quizzes/{course.final_quiz_id}/")
    page.click('form[action$="/start/"] button')
    page.wait_for_url(re.compile(r"/attempts/\d+/$"))
    axe.check("attempt")
    attempt = current_attempt(page)
    numeric = attempt.attempt_questions.filter(question_type="numeric").first()
    page.fill(f"#q{numeric.slot}", "beaucoup")  # not a number: an error to show
    page.click('.quiz-form button[name="action"][value="save"]')
    page.wait_for_selector(".question--error")
    axe.check("attempt with an error")
    answer(page, attempt, correct_answers(attempt))
    page.click('.quiz-form button[name="action"][value="finish"]')
    page.wait_for_url(re.compile(r"/submit/$"))
    axe.check("confirmation")
    page.click('form[action$="/submit/"] button[type="submit"]')
    page.wait_for_url(re.compile(r"/result/$"))
    axe.check("result and review")
    assert page.locator(".question--review").count() >= 1  # the review is shown

    # A knowledge check set to one question per page, with feedback at once.
    lesson = LessonPage.objects.child_of(course).exclude(knowledge_check=None)[0]
    Quiz.objects.filter(pk=lesson.knowledge_check_id).update(
        questions_per_page="one", feedback_policy="after_each"
    )
    page.goto(demo.url + lesson.url)
    page.click(f'a[href$="/quizzes/{lesson.knowledge_check_id}/"]')
    page.click('form[action$="/start/"] button')
    page.wait_for_url(re.compile(r"/attempts/\d+/"))
    check = current_attempt(page)
    first = check.attempt_questions.get(slot=1)
    answer(page, check, {1: correct_answers(check)[1]})
    page.click(f'button[name="check"][value="{first.slot}"]')
    page.wait_for_selector(".question-outcome")
    axe.check("checked question, one per page")
    page.click('.quiz-form button[name="action"][value="next"]')
    page.wait_for_url(re.compile(r"\?page=2"))
    axe.check("second page")
    assert axe.problems == {}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_report_pages_have_no_serious_axe_violations(demo, page, lang):
    manager = get_user_model().objects.get(username="gestionnaire")
    profile = UserProfile.get_for_user(manager)
    profile.preferred_language = lang  # the admin speaks the manager's language
    profile.save()
    axe = AxeReport(page)

    admin_login(page, demo.url, manager.username, DEMO_PASSWORD)
    assert page.locator("html").get_attribute("lang") == lang
    axe.check("admin dashboard")
    for report in ("completion", "teams", "certificates"):
        page.goto(f"{demo.url}/admin/team-reports/{report}/")
        axe.check(report)
    assert axe.problems == {}


def test_skip_link_moves_focus_to_main_content(demo, page):
    page.goto(demo.url + "/fr/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused == "#main"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"  # focus is visible
