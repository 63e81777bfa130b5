"""The demo's SVG illustrations: loaded once as images, shown with their alt text."""

import html
from pathlib import Path

import pytest
from django.core.management import call_command
from wagtail.images import get_image_model

from courses.models import CoursePage, LessonPage
from courses.services import enrol
from demo import content_en, content_fr
from demo.illustrations import ILLUSTRATIONS_DIR, ensure_illustration
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

CONTENTS = {"fr": content_fr, "en": content_en}


def titles() -> list[str]:
    return [
        spec["title"]
        for module in CONTENTS.values()
        for spec in module.ILLUSTRATIONS.values()
    ]


def lesson_images(lesson) -> list[tuple[object, str]]:
    """(image, alt text) of every image block and walkthrough screenshot."""
    found = []
    for block in lesson.body:
        if block.block_type == "image":
            found.append((block.value["image"], block.value["alt_text"]))
        elif block.block_type == "walkthrough":
            found += [
                (step["screenshot"], step["screenshot_alt"])
                for step in block.value["steps"]
                if step["screenshot"]
            ]
    return found


def test_the_drawings_are_hand_written_svg_with_text_in_their_language():
    for lang, module in CONTENTS.items():
        for spec in module.ILLUSTRATIONS.values():
            svg = (ILLUSTRATIONS_DIR / spec["file"]).read_text(encoding="utf-8")
            assert svg.startswith("<svg ")
            assert f'xml:lang="{lang}"' in svg
            assert "<title" in svg and "<desc" in svg
            assert "<image" not in svg and "<script" not in svg  # nothing fetched


def test_load_demo_twice_makes_each_image_once_with_alt_text():
    call_command("load_demo")
    call_command("load_demo")

    Image = get_image_model()
    images = Image.objects.filter(title__in=titles())
    assert sorted(images.values_list("title", flat=True)) == sorted(titles())
    for image in images:
        assert image.description, image.title
        assert image.is_svg()
        assert (image.width, image.height) == (800, 450)
    # Every image of every lesson has alt text; each language uses its own.
    shown = {}
    for lesson in LessonPage.objects.live():
        for image, alt in lesson_images(lesson):
            assert alt.strip(), lesson.url
            shown.setdefault(lesson.locale.language_code, set()).add(image.title)
    for lang, module in CONTENTS.items():
        assert shown[lang] == {spec["title"] for spec in module.ILLUSTRATIONS.values()}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_lesson_pages_show_the_illustrations_with_their_alt_text(client, lang):
    call_command("load_demo")
    module = CONTENTS[lang]
    learner = UserFactory(username="lectrice")
    enrol(learner=learner, course=CoursePage.objects.get(locale__language_code="fr"))
    client.force_login(learner)

    lessons = [
        lesson
        for lesson in LessonPage.objects.live().filter(locale__language_code=lang)
        if lesson_images(lesson)
    ]
    responses = [client.get(lesson.url) for lesson in lessons]
    assert [response.status_code for response in responses] == [200, 200]
    content = "".join(response.content.decode() for response in responses)

    assert len(lessons) == 2
    for spec in module.ILLUSTRATIONS.values():
        assert f'alt="{html.escape(spec["alt"])}"' in content, spec["title"]
    assert content.count(".svg") >= len(module.ILLUSTRATIONS)


def test_a_changed_drawing_replaces_the_file_not_the_image(tmp_path, monkeypatch):
    spec = content_en.ILLUSTRATIONS["welcome-message"]
    first = ensure_illustration(**spec)
    drawing = Path(ILLUSTRATIONS_DIR / spec["file"]).read_text(encoding="utf-8")
    (tmp_path / spec["file"]).write_text(drawing.replace("#f4f6f8", "#ffffff"))
    monkeypatch.setattr("demo.illustrations.ILLUSTRATIONS_DIR", tmp_path)

    second = ensure_illustration(**{**spec, "alt": "New words."})

    second.refresh_from_db()
    assert second.pk == first.pk
    assert second.file_hash != first.file_hash
    assert second.description == "New words."


def test_a_lost_file_is_written_again():
    spec = content_fr.ILLUSTRATIONS["privacy-menu-steps"]
    image = ensure_illustration(**spec)
    image.file.storage.delete(image.file.name)

    again = ensure_illustration(**spec)

    assert again.pk == image.pk
    assert again.file.storage.exists(again.file.name)
