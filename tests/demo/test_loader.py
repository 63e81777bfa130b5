import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from courses.models import CoursePage
from demo import content_en, content_fr

pytestmark = pytest.mark.django_db

TAG = re.compile(r"<[^>]+>")


def _words(value) -> int:
    if isinstance(value, str):
        return len(TAG.sub(" ", value).split())
    if isinstance(value, dict):
        return sum(
            _words(v) for k, v in value.items() if k not in {"level", "kind", "type"}
        )
    if isinstance(value, list):
        return sum(_words(v) for v in value)
    return 0


@pytest.mark.parametrize("content", [content_fr, content_en], ids=["fr", "en"])
def test_demo_lessons_are_substantial(content):
    lessons = content.COURSE["lessons"]
    assert len(lessons) >= 6
    for lesson in lessons:
        assert _words(lesson["body"]) >= 400, lesson["slug"]
        assert len({block["type"] for block in lesson["body"]}) >= 4, lesson["slug"]


def test_demo_users_are_not_created_when_settings_forbid(settings):
    settings.RELAIS_CREATE_DEMO_USERS = False
    call_command("load_demo")
    assert not get_user_model().objects.filter(username="apprenant").exists()
    assert CoursePage.objects.exists()
