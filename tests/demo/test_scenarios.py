"""The demo's scenarios: valid graphs, both languages, a lesson's check, runs."""

import pytest

from demo.content_scenarios import SCENARIOS

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("spec", SCENARIOS, ids=[s["slug"] for s in SCENARIOS])
def test_each_demo_scenario_is_rich_enough_in_both_languages(spec):
    fr, en = spec["fr"]["situations"], spec["en"]["situations"]
    assert [s[0] for s in fr] == [s[0] for s in en], "same keys in both languages"
    assert len(fr) >= 6
    assert sum(not s[4] for s in fr) >= 2, "at least two endings"
