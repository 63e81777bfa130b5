"""The demo's SVG illustrations: loaded once as images, shown with their alt text."""

from pathlib import Path

import pytest

from demo import content_en, content_fr
from demo.illustrations import ILLUSTRATIONS_DIR, ensure_illustration

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
