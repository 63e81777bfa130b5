"""What every interchange format shares: parsed items, errors, limits, HTML cleaning.

A format turns a file into ``ParsedQuestion`` items (each holding the neutral
format of ``quizzes.services.imports``, or the reason it cannot be imported)
and a list of ``ExportItem`` back into a file. Text from a file is untrusted:
question HTML goes through ``clean_html`` (nh3, Relais's rich-text features
only) before it reaches a question.
"""

import html
import json
import re
from dataclasses import dataclass, field
from typing import Any

import nh3
from django.utils.translation import gettext_lazy as _

# Messages (preview and errors); tests import them.
FILE_TOO_LARGE = _("The file is too large: at most %(limit)s MB.")
TOO_MANY_QUESTIONS = _("The file holds too many questions: at most %(limit)s.")
NOT_UTF8 = _("Line %(line)s: the file is not UTF-8 text. Save it as UTF-8 and retry.")
NO_QUESTIONS = _("The file holds no question.")
UNSUPPORTED_TYPE = _("Question type “%(type)s” is not supported.")
ONLY_FULL_CREDIT_KEPT = _(
    "Only the answers worth 100 %% are kept; %(count)s answer(s) with part "
    "credit were left out."
)
WEIGHTS_MAPPED = _(
    "Moodle's weights were mapped to Relais's scoring: each wrong pick cancels "
    "one right pick."
)
CREDIT_ROUNDED = _("Part credits were rounded to whole percentages.")
IMAGE_WITHOUT_ALT = _("Image “%(name)s” has no alternative text.")
IMAGE_UNREADABLE = _("Image “%(name)s” cannot be read and was left out.")
IMAGE_MISSING = _("Image “%(name)s” is not in the file and was left out.")
EXTERNAL_IMAGE = _("An image from another site (%(src)s) was left out.")

#: Tags a question's HTML may keep: those of ``QUESTION_RICH_TEXT_FEATURES``
#: (bold, italic, link, lists) plus paragraphs, and images (turned into
#: Wagtail images on import).
ALLOWED_TAGS = {"p", "br", "b", "strong", "i", "em", "a", "ol", "ul", "li", "img"}
ALLOWED_ATTRIBUTES = {"a": {"href"}, "img": {"src", "alt"}}
URL_SCHEMES = {"http", "https", "mailto"}
_BLOCK_START = re.compile(r"^\s*<(p|ol|ul)[\s>]")
_TAG = re.compile(r"<[^>]+>")


class InterchangeError(ValueError):
    """A file that cannot be read at all; the message says why (and where)."""

    def __init__(self, message, *, line: int | None = None):
        super().__init__(str(message))
        self.message = message
        self.line = line


@dataclass
class ParsedImage:
    """An image carried by the file (Moodle XML's base64 ``<file>``)."""

    name: str
    content: bytes
    alt: str = ""


@dataclass
class ParsedQuestion:
    """One question of a file: its neutral format, or why it cannot be imported."""

    position: int
    line: int | None = None
    name: str = ""
    category: str = ""
    idnumber: str = ""
    source_type: str = ""
    data: dict[str, Any] | None = None
    reason: str = ""
    warnings: list[str] = field(default_factory=list)
    images: list[ParsedImage] = field(default_factory=list)
    #: Filled by ``reading``: SHA-256 of ``data``, and the bank's question
    #: already holding it (matched on idnumber, else on the hash).
    content_hash: str = ""
    existing_id: int | None = None

    @property
    def importable(self) -> bool:
        return self.data is not None


@dataclass
class ExportItem:
    """One question to write: its neutral format and bank fields."""

    data: dict[str, Any]
    name: str = ""
    category: str = ""
    idnumber: str = ""
    #: file name → bytes, for images the prompt refers to as @@PLUGINFILE@@/name.
    files: dict[str, bytes] = field(default_factory=dict)


@dataclass
class ExportResult:
    """A written file and the questions it had to leave out (with reasons)."""

    content: bytes
    skipped: list[tuple[str, str]] = field(default_factory=list)


def clean_html(text: str) -> str:
    """Untrusted HTML as Relais rich text: allowed tags only, in a block.

    Scripts, styles, event handlers and ``javascript:`` links never survive.
    """
    cleaned = nh3.clean(
        text or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
    ).strip()
    if cleaned and not _BLOCK_START.match(cleaned):
        cleaned = f"<p>{cleaned}</p>"
    return cleaned


def html_to_text(text: str) -> str:
    """HTML as the plain text a choice, item or feedback field holds."""
    text = re.sub(r"<br\s*/?>|</p>\s*<p[^>]*>", "\n", text or "")
    return html.unescape(_TAG.sub("", text)).strip()


def plain_to_html(text: str) -> str:
    """Plain text (GIFT's default format) as rich text."""
    paragraphs = [part.strip() for part in (text or "").split("\n\n") if part.strip()]
    return "".join(
        "<p>" + html.escape(part, quote=False).replace("\n", "<br/>") + "</p>"
        for part in paragraphs
    )


def extras_of(data: dict[str, Any], keys: tuple[str, ...]) -> dict[str, Any]:
    """The neutral keys a format cannot say natively, kept in a Relais extension."""
    return {key: data[key] for key in keys if key in data}


def read_extras(text: str, keys: tuple[str, ...]) -> dict[str, Any]:
    """The Relais extension's JSON, limited to the keys the type allows."""
    try:
        extras = json.loads(text)
    except ValueError:
        return {}
    if not isinstance(extras, dict):
        return {}
    return {key: extras[key] for key in keys if key in extras}
