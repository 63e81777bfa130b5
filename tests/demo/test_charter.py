"""The demo's charter: two versions in French and English, and a re-acknowledgement."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from courses.models import CharterAcknowledgement, CharterPage, CharterVersion
from courses.selectors import charter_reading
from demo.charter import NEW_RULE

pytestmark = pytest.mark.django_db


def _history():
    return sorted(
        CharterAcknowledgement.objects.values_list(
            "learner__username", "version__number", "acknowledged_at"
        )
    )


def test_the_demo_charter_has_two_versions_and_a_reacknowledgement():
    call_command("load_demo")
    first = _history()
    call_command("load_demo")
    assert _history() == first
    fr = CharterPage.objects.get(locale__language_code="fr")
    en = CharterPage.objects.get(locale__language_code="en")
    assert en.translation_key == fr.translation_key and en.live and fr.live
    versions = list(CharterVersion.objects.order_by("number"))
    assert [v.number for v in versions] == [1, 2]
    assert versions[0].published_at < versions[1].published_at
    assert NEW_RULE["en"][0] in versions[1].texts["en"]
    assert NEW_RULE["fr"][0] not in versions[0].texts["fr"]
    assert [(name, number) for name, number, _at in first] == [
        ("apprenant", 1),
        ("apprenante2", 1),
        ("apprenante2", 2),
    ]
    antoine = get_user_model().objects.get(username="apprenant")
    reading = charter_reading(charter=en, user=antoine, language="en")
    assert reading.must_acknowledge
    assert [line.kind for line in reading.changes if line.kind != "same"] == ["added"]
