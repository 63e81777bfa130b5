"""axe-core on the trainer's admin home, in French and English (issue 13).

The demo trainer ``formatrice`` prefers French; the same session then
switches her admin to English. The demo's progress gives the courses
enrolments, and item analysis of a quiz with attempts shows its option tables.
"""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.users.models import UserProfile

from demo.loader import DEMO_PASSWORD
from demo.progress import seed_demo_progress
from quizzes.models import QuizAttempt
from tests.e2e.helpers import admin_login, demo_course, demo_grader, new_learner
from tests.e2e.test_admin_accessibility import AdminAxeReport

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_the_trainer_home_has_no_serious_axe_violations(demo, page):
    seed_demo_progress(
        grader=demo_grader(),
        course=demo_course("fr"),
        finished_learner=new_learner(),
        halfway_learner=new_learner("x"),
    )
    trainer = get_user_model().objects.get(username="formatrice")
    axe = AdminAxeReport(page)
    admin_login(page, demo.url, "formatrice", DEMO_PASSWORD)
    quiz_id = QuizAttempt.objects.values_list("quiz_id", flat=True).first()

    for lang in ("fr", "en"):
        profile = UserProfile.get_for_user(trainer)
        profile.preferred_language = lang
        profile.save()
        page.goto(demo.url + reverse("wagtailadmin_home"))
        assert page.locator("html").get_attribute("lang") == lang
        page.wait_for_selector("#relais-trainer-home-section")
        assert page.locator("#relais-home-courses + table tbody tr").count() >= 2
        axe.check(f"trainer home ({lang})")

        page.goto(f"{demo.url}{reverse('reports:item_analysis')}?quiz={quiz_id}")
        page.wait_for_selector("table.relais-options")
        axe.check(f"item analysis with option tables ({lang})")

    assert not axe.problems, "\n".join(f"{k}: {v}" for k, v in axe.problems.items())
