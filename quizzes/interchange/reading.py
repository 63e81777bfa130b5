"""An uploaded question file as a checked preview: what will be created, and why not.

``read_file`` decodes and parses the file with its format, then checks every
question as the importer will: its type is registered, it validates as a
question, its images are in the file. It also finds questions already in the
bank (same Moodle idnumber, else same content hash), so importing a file again
adds nothing. Nothing is written.
"""

import hashlib
import io
import json
import re
from dataclasses import dataclass
from urllib.parse import unquote

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.images import get_image_dimensions
from django.db.models import Q
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from quizzes.models import Question
from quizzes.question_types import registry
from quizzes.question_types.essay import default_rubric

from .base import (
    EXTERNAL_IMAGE,
    FILE_TOO_LARGE,
    IMAGE_MISSING,
    IMAGE_UNREADABLE,
    IMAGE_WITHOUT_ALT,
    NOT_UTF8,
    TOO_MANY_QUESTIONS,
    UNSUPPORTED_TYPE,
    InterchangeError,
    ParsedQuestion,
    clean_html,
)
from .registry import InterchangeFormat, formats

IMAGE_NOT_IN_EXPLANATION = _("Images are kept only in the question text.")
RUBRIC_ADDED = _(
    "The file gives this essay no rubric: a one-criterion rubric (“Overall”: "
    "none, half or all of its points) was added. Refine it in the editor."
)

_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')
PLUGINFILE = "@@PLUGINFILE@@/"


def max_bytes() -> int:
    """The largest file accepted (``RELAIS_QUESTION_IMPORT_MAX_BYTES``, 10 MB)."""
    return int(getattr(settings, "RELAIS_QUESTION_IMPORT_MAX_BYTES", 10 * 2**20))


def max_megabytes() -> str:
    """``max_bytes`` as the messages say it, e.g. "10"."""
    return f"{max_bytes() / 2**20:g}"


def max_questions() -> int:
    """The most questions one file may hold (``…_MAX_QUESTIONS``, 500)."""
    return int(getattr(settings, "RELAIS_QUESTION_IMPORT_MAX_QUESTIONS", 500))


@dataclass
class ImportPreview:
    """A parsed file: its format and every question, importable or not."""

    format: InterchangeFormat
    items: list[ParsedQuestion]

    @property
    def importable(self) -> list[ParsedQuestion]:
        return [item for item in self.items if item.importable]

    @property
    def refused(self) -> list[ParsedQuestion]:
        return [item for item in self.items if not item.importable]

    @property
    def new(self) -> list[ParsedQuestion]:
        return [item for item in self.importable if item.existing_id is None]


def decode(content: bytes) -> str:
    """UTF-8 text; InterchangeError naming the line of the first bad byte."""
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = content[: error.start].count(b"\n") + 1
        raise InterchangeError(NOT_UTF8 % {"line": line}, line=line) from None


def image_tags(html: str):
    """(tag, attributes) of each ``<img>`` in some HTML."""
    for match in _IMG.finditer(html or ""):
        yield match.group(0), dict(_ATTRIBUTE.findall(match.group(0)))


def _check_images(item: ParsedQuestion) -> None:
    data, files, unreadable = item.data, {}, set()
    for image in item.images:
        if get_image_dimensions(io.BytesIO(image.content)) == (None, None):
            item.warnings.append(str(IMAGE_UNREADABLE % {"name": image.name}))
            unreadable.add(image.name)
        else:
            files[image.name] = image
    prompt = data["prompt"]
    for tag, attributes in image_tags(prompt):
        src = attributes.get("src", "")
        name = unquote(src[len(PLUGINFILE) :]) if src.startswith(PLUGINFILE) else ""
        image = files.get(name) if name else None
        if image is None:
            if name not in unreadable:  # an unreadable one is already named
                message = IMAGE_MISSING if name else EXTERNAL_IMAGE
                item.warnings.append(str(message % {"name": name, "src": src}))
            prompt = prompt.replace(tag, "")
            continue
        image.alt = attributes.get("alt", "").strip()
        if not image.alt:
            item.warnings.append(str(IMAGE_WITHOUT_ALT % {"name": name}))
    data["prompt"] = prompt
    if _IMG.search(data.get("explanation", "")):
        item.warnings.append(str(IMAGE_NOT_IN_EXPLANATION))
        data["explanation"] = _IMG.sub("", data["explanation"])
    used = {
        unquote(a.get("src", "")[len(PLUGINFILE) :]) for _t, a in image_tags(prompt)
    }
    item.images = [image for image in item.images if image.name in used]


def _clean_extras(item: ParsedQuestion) -> None:
    """HTML that came in a Relais extension is untrusted too."""
    for key in ("model_answer", "grader_instructions"):
        value = item.data.get(key)
        if isinstance(value, str) and "<" in value:
            item.data[key] = clean_html(value)


def _validate(item: ParsedQuestion) -> None:
    """Refuse (with the reason) what the importer would refuse."""
    if item.data["type"] not in registry:
        item.reason = str(UNSUPPORTED_TYPE % {"type": item.data["type"]})
        item.data = None
        return
    entry = registry.get(item.data["type"])
    try:
        question = entry.importer(dict(item.data))
        question.full_clean(exclude=["locale", "translation_key"])
        rows = {
            name: list(getattr(question, name).all())
            for name in entry.model.child_relation_names()
        }
        if errors := entry.model.validate_rows(question, rows):
            raise ValidationError(errors)
        for relation_rows in rows.values():
            for row in relation_rows:
                row.full_clean(exclude=["question"])
    except ValidationError as error:
        item.reason = " ".join(str(message) for message in error.messages)
        item.data = None
    except (KeyError, TypeError, ValueError, ArithmeticError) as error:
        item.reason = str(error)
        item.data = None


def _essay_completion(item: ParsedQuestion) -> None:
    if not item.data.get("rubric"):
        item.data["rubric"] = default_rubric(item.data.get("points"))
        item.warnings.append(str(RUBRIC_ADDED))


#: Type code → what a file may leave out that Relais needs, filled with a warning.
COMPLETIONS = {"essay": _essay_completion}


def _complete(item: ParsedQuestion) -> None:
    """Fill what the file's format cannot carry, in the questions' language."""
    completion = COMPLETIONS.get(item.data["type"])
    if completion:
        completion(item)


def content_hash(data: dict) -> str:
    """SHA-256 of a question's neutral format, stable across runs."""
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def _match_existing(items: list[ParsedQuestion], locale: Locale) -> None:
    """Mark questions the bank already holds: one query for the whole file."""
    idnumbers = {item.idnumber for item in items if item.idnumber}
    hashes = {item.content_hash for item in items}
    found = Question.objects.filter(locale=locale).filter(
        Q(idnumber__in=idnumbers) | Q(content_hash__in=hashes)
    )
    by_idnumber, by_hash = {}, {}
    for pk, idnumber, digest in found.order_by("pk").values_list(
        "pk", "idnumber", "content_hash"
    ):
        if idnumber:
            by_idnumber.setdefault(idnumber, pk)
        if digest:
            by_hash.setdefault(digest, pk)
    for item in items:
        if item.idnumber:
            item.existing_id = by_idnumber.get(item.idnumber)
        else:
            item.existing_id = by_hash.get(item.content_hash)


def read_file(*, filename: str, content: bytes, locale: Locale) -> ImportPreview:
    """The preview of a question file; raises InterchangeError if it is unreadable."""
    if len(content) > max_bytes():
        raise InterchangeError(FILE_TOO_LARGE % {"limit": max_megabytes()})
    file_format = formats.for_filename(filename)
    text = decode(content)
    items = file_format.parse(text if file_format.reads_text else content)
    if len(items) > max_questions():
        raise InterchangeError(TOO_MANY_QUESTIONS % {"limit": max_questions()})
    for item in items:
        if item.importable:
            _check_images(item)
            _clean_extras(item)
            with translation.override(locale.language_code):
                _complete(item)
            _validate(item)
        if item.importable:
            item.content_hash = content_hash(item.data)
    _match_existing([item for item in items if item.importable], locale)
    return ImportPreview(format=file_format, items=items)


# --- What the preview shows of each type ---------------------------------------------


def _percent(value) -> str:
    return f"{value} %"


def _choice_rows(data):
    return [
        (choice["text"], _percent(choice.get("credit", 0)))
        for choice in data["choices"]
    ]


def _response_rows(data):
    return [
        (choice["text"], str(RIGHT if choice["correct"] else WRONG))
        for choice in data["choices"]
    ]


def _true_false_rows(data):
    return [
        (str(TRUE), _percent(100 if data["answer"] else 0)),
        (str(FALSE), _percent(0 if data["answer"] else 100)),
    ]


def _numeric_rows(data):
    text = f"{data['answer']} ± {data.get('tolerance', 0)} {data.get('unit', '')}"
    return [(text.strip(), _percent(100))]


def _essay_rows(data):
    limits = WORD_LIMITS % {
        "min": data.get("min_words") or "—",
        "max": data.get("max_words") or "—",
    }
    return [(str(WRITTEN_ANSWER), str(limits))]


RIGHT, WRONG = _("right"), _("wrong")
TRUE, FALSE = _("True"), _("False")
WRITTEN_ANSWER = _("Written answer")
WORD_LIMITS = _("words: at least %(min)s, at most %(max)s")

#: Type code → the (answer, credit) rows the preview lists.
PREVIEW_ROWS = {
    "single_choice": _choice_rows,
    "multiple_response": _response_rows,
    "true_false": _true_false_rows,
    "short_text": lambda data: [(text, _percent(100)) for text in data["accepted"]],
    "numeric": _numeric_rows,
    "matching": lambda data: [
        (f"{left} → {right}", "") for left, right in data["pairs"]
    ],
    "ordering": lambda data: [
        (f"{index}. {text}", "") for index, text in enumerate(data["items"], start=1)
    ],
    "essay": _essay_rows,
}


def preview_rows(item: ParsedQuestion) -> list[tuple[str, str]]:
    """The answers and credits the preview shows for one question."""
    rows = PREVIEW_ROWS.get(item.data["type"]) if item.data else None
    return rows(item.data) if rows else []


def type_label(item: ParsedQuestion) -> str:
    """The Relais type's name, or the file's own type name."""
    code = item.data["type"] if item.data else ""
    if code in registry:
        return str(registry.get(code).model._meta.verbose_name)
    return item.source_type or code


def preview_table(preview: ImportPreview) -> list[dict]:
    """One row per question of the file, as the preview page lists them."""
    return [
        {
            "item": item,
            "type": type_label(item),
            "prompt": " ".join(strip_tags(item.data["prompt"]).split())
            if item.data
            else "",
            "answers": preview_rows(item),
        }
        for item in preview.items
    ]
