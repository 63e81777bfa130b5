"""axe-core on every screen Relais adds to the Wagtail admin (issue 16).

The question editors of each type, the quiz editor and its chooser's
"Create" tab, item analysis, the assignment form, the team pages, a
charter's "Who must acknowledge" form, the reports with their filter drawer
open, the extra-time form, and the attempts and regrade pages: zero serious
or critical violation (WCAG 2.2 AA tags). One logged-in session walks them
all, so the demo loads once.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.users.models import UserProfile

from courses.models import CharterPage
from demo.progress import seed_demo_progress
from lms.teams.models import Assignment, Team
from quizzes.models import (
    Question,
    Quiz,
    QuizAccommodation,
    QuizAttempt,
    question_types,
)
from tests.e2e.conftest import axe_violations
from tests.e2e.helpers import (
    SHOW_FILTERS,
    admin_login,
    demo_course,
    demo_grader,
    new_learner,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
PASSWORD = "axe-admin-2026"
# Violations in Wagtail's own markup, not Relais's: (rule, selector pattern).
WAGTAIL_MARKUP = [
    # Draftail, Wagtail's rich-text editor: its contenteditable box is named
    # by a placeholder id axe does not follow.
    ("aria-input-field-name", r'^div\[aria-describedby="placeholder-'),
    ("aria-input-field-name", r"^\.notranslate$"),
    # The editor's minimap (Wagtail's side panel list of sections).
    ("scrollable-region-focusable", r"^\.w-minimap__list$"),
    # The sort links in the header of Wagtail's listing tables.
    ("target-size", r"^th\[.* > a$"),
    # Wagtail's message bar (fading in when axe runs) and its small
    # secondary buttons in the editor's footer.
    ("color-contrast", r"^\.(success|info)$"),
    ("color-contrast", r"^\.buttons > \.button-small\.button-secondary\.button$"),
]


class AdminAxeReport:
    """Collects violations page by page, minus those of Wagtail's own markup."""

    def __init__(self, page):
        self.page = page
        self.problems = {}

    @staticmethod
    def _wagtail(rule: str, target: list) -> bool:
        return any(
            rule == wagtail_rule and re.search(pattern, " ".join(target))
            for wagtail_rule, pattern in WAGTAIL_MARKUP
        )

    def check(self, name: str) -> None:
        left = []
        for violation in axe_violations(self.page):
            targets = [
                t for t in violation["targets"] if not self._wagtail(violation["id"], t)
            ]
            if targets:
                left.append({**violation, "targets": targets})
        if left:
            self.problems[f"{name} {self.page.url}"] = left


def _url(model, view: str, *args) -> str:
    return reverse(model.snippet_viewset.get_url_name(view), args=args)


def _admin_pages() -> dict[str, str]:
    """Relais's admin screens that need no click to show what is checked."""
    quiz = Quiz.objects.filter(locale__language_code="en").first()
    team = Team.objects.order_by("pk").first()
    pages = {}
    for model in question_types():
        pages[f"new {model._meta.model_name}"] = _url(model, "add") + "?locale=en"
        if existing := model.objects.order_by("pk").first():
            pages[f"edit {model._meta.model_name}"] = _url(model, "edit", existing.pk)
    pages |= {
        "all questions": _url(Question, "list"),
        "quiz types chooser": _url(Question, "add"),
        "quizzes": _url(Quiz, "list"),
        "quiz edit": _url(Quiz, "edit", quiz.pk),
        "quiz attempts": _url(Quiz, "attempts", quiz.pk),
        "extra time list": _url(QuizAccommodation, "list"),
        "extra time form": _url(QuizAccommodation, "add"),
        "item analysis": reverse("reports:item_analysis"),
        "assignments": reverse("assignments:index"),
        "assignment form": reverse("assignments:create"),
        "teams": reverse("teams:index"),
        "team form": reverse("teams:add"),
        "team edit": reverse("teams:edit", args=[team.pk]),
        "assignment recurrence": reverse(
            "assignments:recurrence",
            args=[Assignment.objects.order_by("pk").values_list("pk", flat=True)[0]],
        ),
        "charter audience": reverse(
            "charter_audience", args=[CharterPage.objects.order_by("pk").first().pk]
        ),
    }
    if question := Question.objects.filter(attempt_questions__isnull=False).first():
        pages["question analysis"] = reverse(
            "reports:question_analysis", args=[question.pk]
        )
    return pages


@pytest.fixture
def superuser():
    user = get_user_model().objects.create_superuser(
        "axe-admin", "axe-admin@example.org", PASSWORD
    )
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"  # selectors below use English labels
    profile.save()
    return user


def test_relais_admin_screens_have_no_serious_axe_violations(demo, page, superuser):
    seed_demo_progress(
        grader=demo_grader(),
        course=demo_course("en"),
        finished_learner=new_learner(),
        halfway_learner=new_learner("x"),
    )
    axe = AdminAxeReport(page)
    admin_login(page, demo.url, superuser.username, PASSWORD)
    for name, path in _admin_pages().items():
        response = page.goto(demo.url + path)
        assert response.ok, f"{name} {path}: {response.status}"
        axe.check(name)

    # The reports, each with its filter drawer open.
    for report in ("completion", "team_summary", "item_analysis", "certificates"):
        page.goto(demo.url + reverse(f"reports:{report}"))
        page.click(SHOW_FILTERS)
        page.wait_for_selector(".w-drilldown [role=menu], .w-drilldown__contents")
        axe.check(f"{report} report, filters open")

    # The quiz editor's question chooser, on its "Create" tab.
    page.goto(demo.url + _url(Quiz, "add") + "?locale=en")
    page.click(
        "#id_quiz_questions-0-question-chooser [data-chooser-action-choose]",
    )
    modal = page.locator(".modal-dialog")
    modal.locator("a[href='#tab-create']").click()
    modal.locator("#id_create_prompt").wait_for()
    axe.check("question chooser, Create tab")

    # A regrade, and the attempts page it returns to with its message.
    attempt = QuizAttempt.objects.filter(submitted_at__isnull=False).first()
    page.goto(demo.url + _url(Quiz, "attempts", attempt.quiz_id))
    page.locator(f"form[action$='/regrade/{attempt.pk}/'] button").click()
    page.wait_for_url(re.compile(r"/attempts/\d+/$"))
    page.wait_for_selector(".messages")
    axe.check("attempts after a regrade")
    assert not axe.problems, "\n".join(f"{k}: {v}" for k, v in axe.problems.items())
