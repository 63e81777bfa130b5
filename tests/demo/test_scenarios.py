"""The demo's scenarios: valid graphs, both languages, a lesson's check, runs."""

import pytest
from django.core.management import call_command
from wagtail.models import Revision

from courses.models import LessonPage
from demo.content_scenarios import LESSON_SCENARIO, SCENARIOS
from scenarios.graph import check
from scenarios.models import Scenario, ScenarioRun

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("spec", SCENARIOS, ids=[s["slug"] for s in SCENARIOS])
def test_each_demo_scenario_is_rich_enough_in_both_languages(spec):
    fr, en = spec["fr"]["situations"], spec["en"]["situations"]
    assert [s[0] for s in fr] == [s[0] for s in en], "same keys in both languages"
    assert len(fr) >= 6
    assert sum(not s[4] for s in fr) >= 2, "at least two endings"


def test_load_demo_builds_the_scenarios_once(settings):
    settings.RELAIS_CREATE_DEMO_USERS = True
    call_command("load_demo")
    first = (Scenario.objects.count(), Revision.objects.count())
    runs = list(ScenarioRun.objects.values_list("pk", "score", "ending_key"))
    call_command("load_demo")
    assert (Scenario.objects.count(), Revision.objects.count()) == first
    assert list(ScenarioRun.objects.values_list("pk", "score", "ending_key")) == runs
    assert Scenario.objects.filter(live=True).count() == 2 * len(SCENARIOS)
    for scenario in Scenario.objects.all():
        assert check(scenario.graph()) == [], scenario.title
    assert sorted(e for _pk, _s, e in runs) == ["bad_end", "good_end"]
    lesson = LessonPage.objects.get(slug=LESSON_SCENARIO[0])
    blocks = [b for b in lesson.body if b.block_type == "scenario"]
    assert blocks and blocks[0].value["scenario"].locale == lesson.locale
