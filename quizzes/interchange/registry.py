"""The interchange formats: one entry per file format, looked up by code or file name.

Each format is one module (``gift``, ``moodle_xml``) converting its files to
and from the neutral format; the import and export screens ask this registry,
never a format module directly, as question types are asked of theirs.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from . import gift, moodle_xml
from .base import ExportItem, ExportResult, InterchangeError, ParsedQuestion

UNKNOWN_FORMAT = _("Unknown file format. Upload a %(valid)s file.")


@dataclass(frozen=True)
class InterchangeFormat:
    """A question file format: how to read it, write it and name its downloads."""

    code: str
    label: str
    #: File name endings this format reads (lower case, with the dot).
    extensions: tuple[str, ...]
    content_type: str
    #: ``parse(text_or_bytes)``; raises InterchangeError.
    parse: Callable[..., list[ParsedQuestion]]
    write: Callable[[list[ExportItem]], ExportResult]
    #: ``parse`` takes decoded text (True) or the raw bytes (False: XML
    #: reads its own encoding declaration).
    reads_text: bool = True

    @property
    def extension(self) -> str:
        return self.extensions[0]


class FormatRegistry:
    """The formats by code, in the order the screens list them."""

    def __init__(self) -> None:
        self._formats: dict[str, InterchangeFormat] = {}

    def register(self, entry: InterchangeFormat) -> InterchangeFormat:
        self._formats[entry.code] = entry
        return entry

    def get(self, code: str) -> InterchangeFormat:
        try:
            return self._formats[code]
        except KeyError:
            raise InterchangeError(self._unknown()) from None

    def for_filename(self, filename: str) -> InterchangeFormat:
        """The format reading a file of this name; InterchangeError if none."""
        name = filename.lower()
        for entry in self:
            if name.endswith(entry.extensions):
                return entry
        raise InterchangeError(self._unknown())

    def _unknown(self) -> str:
        valid = ", ".join(ext for entry in self for ext in entry.extensions)
        return UNKNOWN_FORMAT % {"valid": valid}

    def __iter__(self) -> Iterator[InterchangeFormat]:
        return iter(self._formats.values())

    def __contains__(self, code: object) -> bool:
        return code in self._formats


formats = FormatRegistry()

GIFT = formats.register(
    InterchangeFormat(
        code="gift",
        label="GIFT",
        extensions=(".gift", ".txt"),
        content_type="text/plain; charset=utf-8",
        parse=gift.parse,
        write=gift.write,
    )
)
MOODLE_XML = formats.register(
    InterchangeFormat(
        code="moodle_xml",
        label="Moodle XML",
        extensions=(".xml",),
        content_type="application/xml; charset=utf-8",
        parse=moodle_xml.parse,
        write=moodle_xml.write,
        reads_text=False,
    )
)
