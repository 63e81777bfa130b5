"""Questions of the bank as a GIFT or Moodle XML download.

``export_file`` loads the questions with their rows (a constant number of
queries, ``quizzes.selectors.questions_with_rows``), turns each into the
neutral format through its type's registry entry, and lets the format write
them. Images in a prompt (Wagtail rich-text embeds) become Moodle's
``@@PLUGINFILE@@`` references with the file attached (Moodle XML only).
"""

import re
from dataclasses import dataclass
from urllib.parse import quote

from django.utils.text import slugify
from wagtail.images import get_image_model

from quizzes.question_types import registry
from quizzes.selectors import questions_with_rows

from .base import ExportItem
from .reading import PLUGINFILE
from .registry import formats

_EMBED = re.compile(r'<embed\b[^>]*embedtype="image"[^>]*/?>', re.IGNORECASE)
_ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')


@dataclass
class ExportDownload:
    """A file to send: its bytes, name, content type and what it left out."""

    content: bytes
    filename: str
    content_type: str
    skipped: list[tuple[str, str]]


def _images_by_id(questions) -> dict[int, object]:
    ids = {
        int(attributes["id"])
        for question in questions
        for tag in _EMBED.findall(question.prompt or "")
        if (attributes := dict(_ATTRIBUTE.findall(tag))).get("id", "").isdigit()
    }
    return get_image_model().objects.in_bulk(ids) if ids else {}


def _item(question, images: dict, *, with_files: bool) -> ExportItem:
    data = registry.for_model(type(question)).exporter(question)
    files = {}

    def replace(match):
        attributes = dict(_ATTRIBUTE.findall(match.group(0)))
        image = images.get(int(attributes.get("id", "0") or 0))
        if image is None or not with_files:
            return ""
        name = f"{image.pk}-{image.file.name.rsplit('/', 1)[-1]}"
        with image.file.open("rb") as source:
            files[name] = source.read()
        alt = attributes.get("alt", "")
        return f'<p><img src="{PLUGINFILE}{quote(name)}" alt="{alt}"/></p>'

    data["prompt"] = _EMBED.sub(replace, data["prompt"])
    return ExportItem(
        data=data,
        name=question.name,
        category=question.category,
        idnumber=question.idnumber,
        files=files,
    )


def export_file(
    *, question_ids: list[int], format_code: str, title: str
) -> ExportDownload:
    """The questions, in the given order, as a file of the format."""
    file_format = formats.get(format_code)
    loaded = questions_with_rows(ids=question_ids)
    questions = [loaded[pk] for pk in question_ids if pk in loaded]
    images = _images_by_id(questions)
    with_files = file_format.code == "moodle_xml"
    result = file_format.write(
        [_item(question, images, with_files=with_files) for question in questions]
    )
    return ExportDownload(
        content=result.content,
        filename=f"{slugify(title) or 'questions'}{file_format.extension}",
        content_type=file_format.content_type,
        skipped=result.skipped,
    )
