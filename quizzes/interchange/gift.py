"""GIFT, Moodle's text format for questions, in and out.

Reading follows Moodle's own ``qformat_gift``: questions are separated by blank
lines, ``//`` starts a comment, ``$CATEGORY:`` sets the category, ``::name::``
names a question, and the answer block's shape gives the type (``{}`` essay,
``{T}`` true/false, ``{#…}`` numeric, ``{=a -> b}`` matching, ``{=a ~b}``
choice, ``{=a =b}`` short answer). ``\\~ \\= \\# \\{ \\} \\:`` and ``\\\\``
escape the special characters, ``\\n`` is a new line.

What GIFT cannot say (points, short-text switches, a numeric unit, the
multiple-response scoring, an essay's limits and rubric) is kept in a comment
line ``// relais: {json}`` above the question, which Moodle ignores.
"""

import html
import json
import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext_lazy as _

from .base import (
    CREDIT_ROUNDED,
    NO_QUESTIONS,
    ONLY_FULL_CREDIT_KEPT,
    UNSUPPORTED_TYPE,
    WEIGHTS_MAPPED,
    ExportItem,
    ExportResult,
    InterchangeError,
    ParsedQuestion,
    clean_html,
    extras_of,
    html_to_text,
    plain_to_html,
    read_extras,
)

GIFT_UNCLOSED_BRACE = _("Line %(line)s: “{” is never closed by “}”.")
GIFT_STRAY_BRACE = _("Line %(line)s: “}” closes nothing.")
GIFT_UNCLOSED_NAME = _("Line %(line)s: the question name “::” is never closed.")
GIFT_BAD_NUMBER = _("Line %(line)s: “%(text)s” is not a number.")
GIFT_BAD_ANSWERS = _("Line %(line)s: the answers cannot be read: %(text)s")
GIFT_DESCRIPTION = _("A description (text with no answer) is not a question.")
GIFT_NO_ORDERING = _("GIFT has no ordering questions: export to Moodle XML.")

# Escaped characters become private-use characters while the structure is
# read, so "\{" is never taken for an answer block; they are put back after.
_ESCAPES = {"\\": "\ue000", "~": "\ue001", "=": "\ue002", "#": "\ue003"}
_ESCAPES |= {"{": "\ue004", "}": "\ue005", ":": "\ue006"}
_UNESCAPE = {value: key for key, value in _ESCAPES.items()}
_ESCAPE_SEQUENCE = re.compile(r"\\(.)", re.DOTALL)
_FORMAT_PREFIX = re.compile(r"^\s*\[(html|moodle|plain|markdown)\]", re.IGNORECASE)
_BANK_TAG = re.compile(r"^\s*\[(id|tag):([^\]]*)\]")
_WEIGHT = re.compile(r"^%(-?[0-9.]+)%")
_EXTRAS_PREFIX = "// relais:"

ESSAY_DEFAULTS = {
    "model_answer": "",
    "min_words": None,
    "max_words": None,
    "grader_instructions": "",
    "rubric": [],
}

#: Neutral keys GIFT cannot say, per type, kept in ``// relais:``.
EXTRA_KEYS: dict[str, tuple[str, ...]] = {
    "single_choice": ("points",),
    "multiple_response": ("points", "scoring"),
    "true_false": ("points",),
    "short_text": (
        "points",
        "ignore_case",
        "ignore_accents",
        "ignore_punctuation",
        "ignore_spacing",
    ),
    "numeric": ("points", "unit"),
    "matching": ("points",),
    "essay": (
        "points",
        "model_answer",
        "min_words",
        "max_words",
        "grader_instructions",
        "rubric",
    ),
}


def _protect(text: str) -> str:
    """Escapes as private-use characters; ``\\n`` as a new line."""

    def replace(match):
        char = match.group(1)
        if char == "n":
            return "\n"
        return _ESCAPES.get(char, match.group(0))

    return _ESCAPE_SEQUENCE.sub(replace, text)


def _restore(text: str) -> str:
    return "".join(_UNESCAPE.get(char, char) for char in text)


def escape(text: str) -> str:
    """Text as GIFT writes it: special characters and new lines escaped."""
    text = text.replace("\\", "\\\\")
    for char in "~=#{}:":
        text = text.replace(char, "\\" + char)
    return text.replace("\r", "").replace("\n", "\\n")


# --- Reading ----------------------------------------------------------------------


def _blocks(text: str):
    """(first line number, lines, extras JSON, category) per question."""
    category, lines, start, extras = "", [], 0, ""
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        if stripped.startswith(_EXTRAS_PREFIX):
            extras = stripped[len(_EXTRAS_PREFIX) :]
            continue
        if stripped.startswith("//"):
            continue
        if not stripped:
            if lines:
                yield start, lines, extras, category
                lines, extras = [], ""
            continue
        if stripped.startswith("$CATEGORY:") and not lines:
            category = category_path(stripped[len("$CATEGORY:") :])
            extras = ""
            continue
        if not lines:
            start = number
        lines.append(line)
    if lines:
        yield start, lines, extras, category


def category_path(text: str) -> str:
    """Moodle's "$course$/top/A/B" as Relais's "A/B"."""
    parts = [part.strip() for part in text.strip().split("/") if part.strip()]
    if parts and parts[0].startswith("$") and parts[0].endswith("$"):
        parts = parts[1:]
    if parts and parts[0] == "top":
        parts = parts[1:]
    return "/".join(parts)


def _line_of(start: int, text: str, index: int) -> int:
    return start + text.count("\n", 0, index)


def _rich(text: str, text_format: str) -> str:
    """A question text or feedback as clean HTML, in the format it declares."""
    text = _restore(text).strip()
    if text_format == "plain" or (text_format != "html" and "<" not in text):
        return plain_to_html(text)
    return clean_html(text.replace("\n", "<br/>") if text_format != "html" else text)


def _split_format(text: str, default: str = "moodle") -> tuple[str, str]:
    match = _FORMAT_PREFIX.match(text)
    if match:
        return match.group(1).lower(), text[match.end() :]
    return default, text


def _split_feedback(text: str) -> tuple[str, str]:
    head, _sep, feedback = text.partition("#")
    return head, feedback


def _answers(text: str) -> list[tuple[str, Decimal | None, str, str]]:
    """Each ``=``/``~`` answer: (marker, weight or None, text, feedback)."""
    answers = []
    for match in re.finditer(r"([=~])([^=~]*)", text):
        marker, body = match.group(1), match.group(2)
        weight = None
        if found := _WEIGHT.match(body.strip()):
            try:
                weight = Decimal(found.group(1))
            except InvalidOperation:
                raise ValueError(found.group(0)) from None
            body = body.strip()[found.end() :]
        answer, feedback = _split_feedback(body)
        answers.append((marker, weight, answer.strip(), feedback.strip()))
    return answers


def _plain(text: str) -> str:
    return html_to_text(_restore(text))


def _read_choices(item, answers, text_format):
    if not any(marker == "=" for marker, *_rest in answers):
        return _read_multiple_response(item, answers)
    choices, rounded = [], False
    for marker, weight, text, feedback in answers:
        credit = Decimal(100) if marker == "=" else max(weight or Decimal(0), 0)
        rounded |= credit != credit.to_integral_value() or (weight or 0) < 0
        choices.append(
            {
                "text": _plain(text),
                "credit": int(credit.to_integral_value()),
                "feedback": _plain(feedback),
            }
        )
    if rounded:
        item.warnings.append(str(CREDIT_ROUNDED))
    return "single_choice", {"choices": choices}


def _read_multiple_response(item, answers):
    right = [weight for _m, weight, *_r in answers if (weight or 0) > 0]
    count = len(right)
    share = Decimal(100) / count if count else Decimal(0)
    exact = all(abs(w - share) < Decimal("0.01") for w in right) and all(
        weight is None or weight == 0 or abs(weight + share) < Decimal("0.01")
        for weight in (w for _m, w, *_r in answers if (w or 0) <= 0)
    )
    if not exact:
        item.warnings.append(str(WEIGHTS_MAPPED))
    choices = [
        {"text": _plain(text), "correct": (weight or 0) > 0, "feedback": _plain(fb)}
        for _marker, weight, text, fb in answers
    ]
    return "multiple_response", {"scoring": "partial", "choices": choices}


def _read_true_false(item, body, text_format):
    value, _sep, feedback = body.partition("#")
    wrong, _sep, right = feedback.partition("#")
    answer = value.strip().upper() in ("T", "TRUE")
    wrong, right = _plain(wrong), _plain(right)
    return "true_false", {
        "answer": answer,
        "feedback_true": right if answer else wrong,
        "feedback_false": wrong if answer else right,
    }


def _read_short_text(item, answers, text_format):
    accepted = [_plain(text) for _m, w, text, _f in answers if w in (None, 100)]
    if dropped := len(answers) - len(accepted):
        item.warnings.append(str(ONLY_FULL_CREDIT_KEPT % {"count": dropped}))
    return "short_text", {"accepted": accepted, "ignore_case": True}


def _number(text: str, line: int) -> Decimal:
    try:
        value = Decimal(_restore(text).strip())
    except InvalidOperation:
        raise InterchangeError(
            GIFT_BAD_NUMBER % {"line": line, "text": _restore(text).strip()},
            line=line,
        ) from None
    if not value.is_finite():
        raise InterchangeError(
            GIFT_BAD_NUMBER % {"line": line, "text": _restore(text)}, line=line
        )
    return value


def _numeric_answer(text: str, line: int) -> tuple[str, str]:
    text, _feedback = _split_feedback(text)
    if ".." in text:
        low, high = (_number(part, line) for part in text.split("..", 1))
        return str((low + high) / 2), str(abs(high - low) / 2)
    value, _sep, tolerance = text.partition(":")
    tolerance = _number(tolerance, line) if tolerance.strip() else Decimal(0)
    return str(_number(value, line)), str(abs(tolerance))


def _read_numeric(item, body, line):
    body = body[1:].strip()
    if not body.startswith("="):
        answer, tolerance = _numeric_answer(body, line)
        return "numeric", {"answer": answer, "tolerance": tolerance}
    answers = _answers(body)
    full = [a for a in answers if a[1] in (None, 100)]
    if not full:
        raise InterchangeError(
            GIFT_BAD_ANSWERS % {"line": line, "text": _restore(body)}, line=line
        )
    if dropped := len(answers) - 1:
        item.warnings.append(str(ONLY_FULL_CREDIT_KEPT % {"count": dropped}))
    answer, tolerance = _numeric_answer(full[0][2], line)
    return "numeric", {"answer": answer, "tolerance": tolerance}


def _read_matching(item, answers, text_format):
    pairs = []
    for _marker, _weight, text, _feedback in answers:
        left, _sep, right = text.partition("->")
        pairs.append([_plain(left), _plain(right)])
    return "matching", {"pairs": pairs}


def _answer_kind(body: str) -> str:
    """The shape of an answer block (Moodle's own order of tests)."""
    stripped = body.strip()
    if not stripped:
        return "essay"
    if stripped.startswith("#"):
        return "numeric"
    if "~" in stripped:
        return "choice"
    if "=" in stripped and "->" in stripped:
        return "matching"
    if stripped.split("#", 1)[0].strip().upper() in ("T", "TRUE", "F", "FALSE"):
        return "true_false"
    return "short_text"


#: Answer-block shape → reader(item, body, line, format) -> (type code, data).
READERS: dict[str, Callable[..., tuple[str, dict[str, Any]]]] = {
    "essay": lambda item, body, line, fmt: ("essay", dict(ESSAY_DEFAULTS)),
    "numeric": lambda item, body, line, fmt: _read_numeric(item, body, line),
    "choice": lambda item, body, line, fmt: _read_choices(item, _answers(body), fmt),
    "matching": lambda item, body, line, fmt: _read_matching(item, _answers(body), fmt),
    "true_false": lambda item, body, line, fmt: _read_true_false(item, body, fmt),
    "short_text": lambda item, body, line, fmt: _read_short_text(
        item, _answers(body), fmt
    ),
}


def _read_question(position, start, lines, extras, category) -> ParsedQuestion:
    raw = _protect("\n".join(lines))
    item = ParsedQuestion(position=position, line=start, category=category)
    text = raw.strip()
    if text.startswith("::"):
        end = text.find("::", 2)
        if end < 0:
            raise InterchangeError(GIFT_UNCLOSED_NAME % {"line": start}, line=start)
        item.name = _restore(text[2:end]).strip()
        text = text[end + 2 :]
    while match := _BANK_TAG.match(text):
        if match.group(1) == "id":
            item.idnumber = _restore(match.group(2)).strip()
        text = text[match.end() :]
    opening, closing = text.find("{"), text.find("}")
    if closing >= 0 and (opening < 0 or closing < opening):
        line = _line_of(start, raw, raw.find("}"))
        raise InterchangeError(GIFT_STRAY_BRACE % {"line": line}, line=line)
    if opening < 0:
        item.source_type = "description"
        item.reason = str(GIFT_DESCRIPTION)
        return item
    if closing < 0:
        line = _line_of(start, raw, raw.find("{"))
        raise InterchangeError(GIFT_UNCLOSED_BRACE % {"line": line}, line=line)
    if "{" in text[opening + 1 : closing] or "}" in text[closing + 1 :]:
        line = _line_of(start, raw, raw.rfind("}"))
        raise InterchangeError(GIFT_STRAY_BRACE % {"line": line}, line=line)
    text_format, question = _split_format(text[:opening])
    after = text[closing + 1 :].strip()
    if after:  # Moodle's "missing word": the blank sits where the answers are
        question = f"{question.rstrip()} _____ {after}"
    body, _sep, general = text[opening + 1 : closing].partition("####")
    line = _line_of(start, raw, raw.find("{"))
    kind = _answer_kind(body)
    try:
        type_code, data = READERS[kind](item, body.strip(), line, text_format)
    except InterchangeError:
        raise
    except ValueError as error:  # a weight such as "%1.2.3%"
        message = GIFT_BAD_ANSWERS % {"line": line, "text": _restore(str(error))}
        raise InterchangeError(message, line=line) from None
    item.source_type = type_code
    general_format, general = _split_format(general, text_format)
    item.data = {
        "type": type_code,
        "prompt": _rich(question, text_format),
        "explanation": _rich(general, general_format) if general.strip() else "",
        "points": "1",
        **data,
        **read_extras(extras, EXTRA_KEYS.get(type_code, ())),
    }
    return item


def parse(text: str) -> list[ParsedQuestion]:
    """Every question of a GIFT file; raises InterchangeError with a line number."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    items = [
        _read_question(position, *block)
        for position, block in enumerate(_blocks(text), start=1)
    ]
    if not items:
        raise InterchangeError(NO_QUESTIONS)
    return items


# --- Writing ----------------------------------------------------------------------


def _weight(value: Decimal) -> str:
    text = format(value.quantize(Decimal("0.00001")).normalize(), "f")
    return text


def _text(text: str) -> str:
    """Plain text (a choice, a feedback) as GIFT's HTML-aware text.

    A leading "%" would read as a weight ("%50%"): it is written as an entity.
    """
    text = html.escape(text, quote=False)
    if text.startswith("%"):
        text = "&#37;" + text[1:]
    return escape(text)


def _feedback(text: str) -> str:
    return f"#{_text(text)}" if text else ""


def _write_single_choice(data):
    lines = []
    for choice in data["choices"]:
        credit = int(choice.get("credit", 100 if choice.get("correct") else 0))
        if credit == 100:
            marker = "="
        elif credit:
            marker = f"~%{credit}%"
        else:
            marker = "~"
        lines.append(f"{marker}{_text(choice['text'])}{_feedback(choice['feedback'])}")
    return lines


def _write_multiple_response(data):
    right = sum(1 for choice in data["choices"] if choice["correct"])
    share = _weight(Decimal(100) / max(right, 1))
    return [
        f"~%{'' if choice['correct'] else '-'}{share}%{_text(choice['text'])}"
        f"{_feedback(choice['feedback'])}"
        for choice in data["choices"]
    ]


def _write_true_false(data):
    right, wrong = (
        (data["feedback_true"], data["feedback_false"])
        if data["answer"]
        else (data["feedback_false"], data["feedback_true"])
    )
    value = "TRUE" if data["answer"] else "FALSE"
    feedback = f"#{_text(wrong)}#{_text(right)}" if wrong or right else ""
    return [f"{value}{feedback}"]


def _write_short_text(data):
    return [f"={_text(answer)}" for answer in data["accepted"]]


def _write_numeric(data):
    return [f"#{data['answer']}:{data['tolerance']}"]


def _write_matching(data):
    return [f"={_text(left)} -> {_text(right)}" for left, right in data["pairs"]]


#: Type code → writer(data) -> answer lines. A type missing here is skipped
#: with a reason (UNSUPPORTED_TYPE or its entry in ``NOT_WRITTEN``).
WRITERS: dict[str, Callable[[dict], list[str]]] = {
    "single_choice": _write_single_choice,
    "multiple_response": _write_multiple_response,
    "true_false": _write_true_false,
    "short_text": _write_short_text,
    "numeric": _write_numeric,
    "matching": _write_matching,
    "essay": lambda data: [],
}
NOT_WRITTEN = {"ordering": GIFT_NO_ORDERING}


def _html(text: str) -> str:
    return f"[html]{escape(text)}" if text else ""


def write(items: list[ExportItem]) -> ExportResult:
    """A GIFT file of the questions; types GIFT cannot hold are listed as skipped."""
    out, skipped, category = [], [], None
    for item in items:
        data = item.data
        writer = WRITERS.get(data["type"])
        if writer is None:
            reason = NOT_WRITTEN.get(data["type"], UNSUPPORTED_TYPE)
            skipped.append(
                (item.name or data["prompt"], str(reason) % {"type": data["type"]})
            )
            continue
        if item.category != category:
            category = item.category
            out += [f"$CATEGORY: $course$/top/{category}".rstrip("/"), ""]
        extras = extras_of(data, EXTRA_KEYS[data["type"]])
        out.append(_EXTRAS_PREFIX + " " + json.dumps(extras, ensure_ascii=False))
        head = f"::{escape(item.name)}::" if item.name else ""
        if item.idnumber:
            head += f"[id:{escape(item.idnumber)}]"
        answers = writer(data)
        general = f"####{_html(data['explanation'])}" if data["explanation"] else ""
        body = "\n".join([*answers, general]).strip("\n")
        out.append(
            f"{head}{_html(data['prompt'])} {{" + (f"\n{body}\n" if body else "") + "}"
        )
        out.append("")
    return ExportResult(content="\n".join(out).encode(), skipped=skipped)
