"""Moodle XML, Moodle's complete question format, in and out.

Read with defusedxml and no DTD at all, so external entities and entity
expansion ("billion laughs") are refused. Each ``<question type="…">`` goes to
the reader of its Moodle type in ``READERS``; a type in ``UNSUPPORTED`` (or
unknown) gets a reason instead. ``type="category"`` sets the category of the
questions after it. Images come as base64 ``<file>`` elements, referred to in
the text as ``@@PLUGINFILE@@/name``.

What Moodle cannot say (the short-text switches other than case, an essay's
model answer and rubric) travels in a ``<relais:extra>`` element holding JSON,
in Relais's own namespace: Moodle's importer ignores elements it does not know.
"""

import base64
import binascii
import html
import json
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring
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
    ParsedImage,
    ParsedQuestion,
    clean_html,
    extras_of,
    html_to_text,
    read_extras,
)
from .gift import category_path

XML_MALFORMED = _("Line %(line)s: the XML is not well formed (%(error)s).")
XML_FORBIDDEN = _(
    "The XML declares entities or a DTD, which Relais refuses for safety. "
    "Export the questions from Moodle again."
)
XML_NOT_MOODLE = _("This is not a Moodle XML question file (no <quiz> element).")
XML_BAD_NUMBER = _("Question %(position)s: “%(text)s” is not a number.")
XML_BAD_IMAGE = _("Image “%(name)s” cannot be decoded and was left out.")
MATCHING_DISTRACTORS = _(
    "%(count)s extra wrong answer(s) without a pair were left out."
)

UNSUPPORTED = {
    "multianswer": _("Cloze (multianswer) is not supported."),
    "ddimageortext": _("Drag and drop onto image is not supported."),
    "ddmarker": _("Drag and drop markers is not supported."),
    "ddwtos": _("Drag and drop into text is not supported."),
    "gapselect": _("Select missing words is not supported."),
    "calculated": _("Calculated questions are not supported."),
    "calculatedsimple": _("Simple calculated questions are not supported."),
    "calculatedmulti": _("Calculated multichoice questions are not supported."),
    "randomsamatch": _("Random short-answer matching is not supported."),
    "random": _("Random questions are not supported: import the questions they draw."),
    "description": _("A description (text with no answer) is not a question."),
}

RELAIS_NS = "https://relais.invalid/ns/moodle-xml/1"
_EXTRA = f"{{{RELAIS_NS}}}extra"

#: Neutral keys Moodle cannot say, per type, kept in ``<relais:extra>``.
EXTRA_KEYS: dict[str, tuple[str, ...]] = {
    "short_text": ("ignore_accents", "ignore_punctuation", "ignore_spacing"),
    "essay": ("model_answer", "rubric"),
}

ORDERING_GRADING = {
    "position": "ABSOLUTE_POSITION",
    "relative": "RELATIVE_ALL_PREVIOUS_AND_NEXT",
}


# --- Reading ----------------------------------------------------------------------


def _text(element: Element | None, path: str = "text") -> str:
    if element is None:
        return ""
    found = element.find(path) if path else element
    return (found.text or "") if found is not None else ""


def _html_field(question: Element, tag: str) -> str:
    element = question.find(tag)
    if element is None:
        return ""
    text = _text(element)
    if element.get("format") in ("plain_text", "markdown"):
        return "".join(
            f"<p>{html.escape(part.strip(), quote=False)}</p>"
            for part in text.split("\n\n")
            if part.strip()
        )
    return clean_html(text)


def _plain_field(element: Element | None) -> str:
    if element is None:
        return ""
    text = _text(element)
    return text.strip() if element.get("format") == "plain_text" else html_to_text(text)


def _fraction(answer: Element) -> Decimal:
    try:
        return Decimal(answer.get("fraction", "0"))
    except InvalidOperation:
        return Decimal(0)


def _answers(question: Element):
    """(fraction, plain text, plain feedback) of each ``<answer>``."""
    return [
        (_fraction(a), _plain_field(a), _plain_field(a.find("feedback")))
        for a in question.findall("answer")
    ]


def _read_multichoice(item, question):
    answers = _answers(question)
    if _text(question, "single").strip().lower() in ("false", "0"):
        return _read_multiple(item, answers, "partial")
    choices, rounded = [], False
    for fraction, text, feedback in answers:
        credit = max(fraction, Decimal(0))
        rounded |= credit != credit.to_integral_value() or fraction < 0
        choices.append(
            {
                "text": text,
                "credit": int(credit.to_integral_value()),
                "feedback": feedback,
            }
        )
    if rounded:
        item.warnings.append(str(CREDIT_ROUNDED))
    return "single_choice", {"choices": choices}


def _read_multiple(item, answers, scoring):
    right = [fraction for fraction, *_rest in answers if fraction > 0]
    share = Decimal(100) / len(right) if right else Decimal(0)
    wrong = [fraction for fraction, *_rest in answers if fraction <= 0]
    if scoring == "partial" and not (
        all(abs(f - share) < Decimal("0.01") for f in right)
        and all(abs(f + share) < Decimal("0.01") for f in wrong)
    ):
        item.warnings.append(str(WEIGHTS_MAPPED))
    return "multiple_response", {
        "scoring": scoring,
        "choices": [
            {"text": text, "correct": fraction > 0, "feedback": feedback}
            for fraction, text, feedback in answers
        ],
    }


def _read_multichoiceset(item, question):
    return _read_multiple(item, _answers(question), "all_or_nothing")


def _read_truefalse(item, question):
    feedback, answer = {}, True
    for fraction, text, fb in _answers(question):
        value = text.strip().lower() in ("true", "vrai", "1")
        feedback[value] = fb
        if fraction >= 100:
            answer = value
    return "true_false", {
        "answer": answer,
        "feedback_true": feedback.get(True, ""),
        "feedback_false": feedback.get(False, ""),
    }


def _read_shortanswer(item, question):
    answers = _answers(question)
    accepted = [text for fraction, text, _fb in answers if fraction >= 100]
    if dropped := len(answers) - len(accepted):
        item.warnings.append(str(ONLY_FULL_CREDIT_KEPT % {"count": dropped}))
    return "short_text", {
        "accepted": accepted,
        "ignore_case": _text(question, "usecase").strip() in ("", "0"),
    }


def _number(item, text: str) -> str:
    try:
        value = Decimal(text.strip())
    except InvalidOperation:
        value = None
    if value is None or not value.is_finite():
        raise InterchangeError(
            XML_BAD_NUMBER % {"position": item.position, "text": text.strip()}
        )
    return format(value.normalize(), "f")


def _read_numerical(item, question):
    answers = question.findall("answer")
    full = [a for a in answers if _fraction(a) >= 100 and _text(a).strip() != "*"]
    if not full:
        raise InterchangeError(XML_BAD_NUMBER % {"position": item.position, "text": ""})
    if dropped := len(answers) - 1:
        item.warnings.append(str(ONLY_FULL_CREDIT_KEPT % {"count": dropped}))
    tolerance = _text(full[0], "tolerance").strip() or "0"
    units = [
        unit
        for unit in question.findall("units/unit")
        if _text(unit, "multiplier").strip() in ("1", "1.0", "1.0000000", "")
    ]
    return "numeric", {
        "answer": _number(item, _text(full[0])),
        "tolerance": str(abs(Decimal(_number(item, tolerance)))),
        "unit": _text(units[0], "unit_name").strip() if units else "",
    }


def _read_matching(item, question):
    pairs, distractors = [], 0
    for sub in question.findall("subquestion"):
        left = _plain_field(sub)
        if not left:
            distractors += 1
            continue
        pairs.append([left, html_to_text(_text(sub, "answer/text"))])
    if distractors:
        item.warnings.append(str(MATCHING_DISTRACTORS % {"count": distractors}))
    return "matching", {"pairs": pairs}


def _read_ordering(item, question):
    answers = list(enumerate(question.findall("answer")))
    answers.sort(key=lambda pair: (_fraction(pair[1]), pair[0]))
    grading = _text(question, "gradingtype").strip().upper()
    scoring = "position" if grading in ("", "ABSOLUTE_POSITION", "0") else "relative"
    return "ordering", {
        "scoring": scoring,
        "items": [_plain_field(answer) for _index, answer in answers],
    }


def _limit(question, tag):
    text = _text(question, tag).strip()
    return int(text) if text.isascii() and text.isdigit() and int(text) else None


def _read_essay(item, question):
    return "essay", {
        "model_answer": "",
        "min_words": _limit(question, "minwordlimit"),
        "max_words": _limit(question, "maxwordlimit"),
        "grader_instructions": _html_field(question, "graderinfo"),
        "rubric": [],
    }


#: Moodle qtype → reader(item, question element) -> (type code, type data).
READERS: dict[str, Callable[[ParsedQuestion, Element], tuple[str, dict]]] = {
    "multichoice": _read_multichoice,
    "multichoiceset": _read_multichoiceset,
    "truefalse": _read_truefalse,
    "shortanswer": _read_shortanswer,
    "numerical": _read_numerical,
    "matching": _read_matching,
    "ordering": _read_ordering,
    "essay": _read_essay,
}


def _images(item: ParsedQuestion, question: Element) -> None:
    for element in question.findall("questiontext/file"):
        name = element.get("name", "")
        try:
            content = base64.b64decode((element.text or "").strip(), validate=False)
        except (binascii.Error, ValueError):
            item.warnings.append(str(XML_BAD_IMAGE % {"name": name}))
            continue
        item.images.append(ParsedImage(name=name, content=content))


def _read_question(
    position: int, question: Element, category: str, line
) -> ParsedQuestion:
    qtype = question.get("type", "")
    item = ParsedQuestion(
        position=position,
        line=line,
        name=_text(question.find("name")).strip(),
        category=category,
        idnumber=_text(question, "idnumber").strip(),
        source_type=qtype,
    )
    reader = READERS.get(qtype)
    if reader is None:
        item.reason = str(UNSUPPORTED.get(qtype, UNSUPPORTED_TYPE) % {"type": qtype})
        return item
    type_code, data = reader(item, question)
    extra = question.find(_EXTRA)
    grade = _text(question, "defaultgrade").strip() or "1"
    item.data = {
        "type": type_code,
        "prompt": _html_field(question, "questiontext"),
        "explanation": _html_field(question, "generalfeedback"),
        "points": _number(item, grade),
        **data,
        **read_extras(_text(extra, ""), EXTRA_KEYS.get(type_code, ())),
    }
    _images(item, question)
    return item


def parse(content: bytes) -> list[ParsedQuestion]:
    """Every question of a Moodle XML file; raises InterchangeError."""
    try:
        root = fromstring(content, forbid_dtd=True)
    except DefusedXmlException:
        raise InterchangeError(XML_FORBIDDEN) from None
    except ParseError as error:
        line = error.position[0]
        raise InterchangeError(
            XML_MALFORMED % {"line": line, "error": str(error).split(":")[0]}, line=line
        ) from None
    if root.tag != "quiz":
        raise InterchangeError(XML_NOT_MOODLE)
    items, category = [], ""
    for question in root.findall("question"):
        if question.get("type") == "category":
            category = category_path(_text(question, "category/text"))
            continue
        items.append(_read_question(len(items) + 1, question, category, None))
    if not items:
        raise InterchangeError(NO_QUESTIONS)
    return items


# --- Writing ----------------------------------------------------------------------


def text(value: str) -> str:
    """A ``<text>`` element's content: CDATA for markup, so it reads back exactly."""
    value = value or ""
    if not any(char in value for char in "<>&"):
        return value
    return "<![CDATA[" + value.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def _element(tag: str, value: str, fmt: str | None = "html", extra: str = "") -> str:
    attribute = f' format="{fmt}"' if fmt else ""
    return f"<{tag}{attribute}><text>{text(value)}</text>{extra}</{tag}>"


def _answer(fraction, value: str, feedback: str, extra: str = "") -> str:
    return (
        f'<answer fraction="{fraction}" format="html"><text>'
        f"{text(html.escape(value, quote=False))}</text>{extra}"
        f"{_element('feedback', html.escape(feedback, quote=False))}</answer>"
    )


def _share(count: int) -> str:
    value = (Decimal(100) / max(count, 1)).quantize(Decimal("0.00001")).normalize()
    return format(value, "f")


def _write_single_choice(data):
    rows = [
        _answer(
            int(choice.get("credit", 100 if choice.get("correct") else 0)),
            choice["text"],
            choice["feedback"],
        )
        for choice in data["choices"]
    ]
    return "multichoice", [
        "<single>true</single>",
        "<shuffleanswers>true</shuffleanswers>",
        *rows,
    ]


def _write_multiple_response(data):
    share = _share(sum(1 for c in data["choices"] if c["correct"]))
    if data.get("scoring") == "all_or_nothing":
        qtype, wrong = "multichoiceset", "0"
    else:
        qtype, wrong = "multichoice", f"-{share}"
    rows = [
        _answer(share if c["correct"] else wrong, c["text"], c["feedback"])
        for c in data["choices"]
    ]
    return qtype, [
        "<single>false</single>",
        "<shuffleanswers>true</shuffleanswers>",
        *rows,
    ]


def _write_true_false(data):
    return "truefalse", [
        _answer(100 if data["answer"] else 0, "true", data["feedback_true"]),
        _answer(0 if data["answer"] else 100, "false", data["feedback_false"]),
    ]


def _write_short_text(data):
    usecase = "0" if data.get("ignore_case", True) else "1"
    return "shortanswer", [
        f"<usecase>{usecase}</usecase>",
        *(_answer(100, answer, "") for answer in data["accepted"]),
    ]


def _write_numeric(data):
    tolerance = f"<tolerance>{data['tolerance']}</tolerance>"
    lines = [_answer(100, str(data["answer"]), "", tolerance)]
    if data.get("unit"):
        lines += [
            "<units><unit><multiplier>1</multiplier>"
            f"<unit_name>{html.escape(data['unit'])}</unit_name></unit></units>",
            "<unitgradingtype>0</unitgradingtype><showunits>3</showunits>",
        ]
    return "numerical", lines


def _write_matching(data):
    return "matching", [
        "<shuffleanswers>true</shuffleanswers>",
        *(
            _element(
                "subquestion",
                html.escape(left, quote=False),
                extra=_element("answer", html.escape(right, quote=False), fmt=None),
            )
            for left, right in data["pairs"]
        ),
    ]


def _write_ordering(data):
    return "ordering", [
        "<layouttype>VERTICAL</layouttype><selecttype>ALL</selecttype>"
        "<selectcount>0</selectcount>",
        f"<gradingtype>{ORDERING_GRADING.get(data.get('scoring'), 'ABSOLUTE_POSITION')}"
        "</gradingtype>",
        *(
            f'<answer fraction="{index}" format="html"><text>'
            f"{text(html.escape(item, quote=False))}</text></answer>"
            for index, item in enumerate(data["items"], start=1)
        ),
    ]


def _write_essay(data):
    def limit(value):
        return "" if value in (None, "") else str(int(value))

    return "essay", [
        "<responseformat>editor</responseformat><responserequired>1</responserequired>"
        "<responsefieldlines>15</responsefieldlines><attachments>0</attachments>",
        f"<minwordlimit>{limit(data.get('min_words'))}</minwordlimit>",
        f"<maxwordlimit>{limit(data.get('max_words'))}</maxwordlimit>",
        _element("graderinfo", data.get("grader_instructions") or ""),
        _element("responsetemplate", ""),
    ]


#: Type code → writer(data) -> (Moodle qtype, type-specific XML lines).
WRITERS: dict[str, Callable[[dict], tuple[str, list[str]]]] = {
    "single_choice": _write_single_choice,
    "multiple_response": _write_multiple_response,
    "true_false": _write_true_false,
    "short_text": _write_short_text,
    "numeric": _write_numeric,
    "matching": _write_matching,
    "ordering": _write_ordering,
    "essay": _write_essay,
}


def _files(files: dict[str, bytes]) -> str:
    return "".join(
        f'<file name="{html.escape(name)}" path="/" encoding="base64">'
        f"{base64.b64encode(content).decode()}</file>"
        for name, content in files.items()
    )


def _category(path: str) -> str:
    full = f"$course$/top/{path}".rstrip("/")
    return (
        '<question type="category"><category>'
        f"<text>{text(full)}</text></category></question>"
    )


def write(items: list[ExportItem]) -> ExportResult:
    """A Moodle XML file of the questions; unknown types are listed as skipped."""
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<quiz xmlns:relais="{RELAIS_NS}">',
    ]
    skipped, category = [], None
    for item in items:
        data = item.data
        writer = WRITERS.get(data["type"])
        if writer is None:
            skipped.append((item.name, str(UNSUPPORTED_TYPE % {"type": data["type"]})))
            continue
        if item.category != category:
            category = item.category
            out.append(_category(category))
        qtype, lines = writer(data)
        extras = extras_of(data, EXTRA_KEYS.get(data["type"], ()))
        if extras:
            lines.append(
                "<relais:extra>"
                f"{text(json.dumps(extras, ensure_ascii=False))}</relais:extra>"
            )
        out += [
            f'<question type="{qtype}">',
            _element("name", item.name, fmt=None),
            _element("questiontext", data["prompt"], extra=_files(item.files)),
            _element("generalfeedback", data["explanation"]),
            f"<defaultgrade>{data['points']}</defaultgrade>",
            "<penalty>0</penalty><hidden>0</hidden>",
            f"<idnumber>{html.escape(item.idnumber)}</idnumber>",
            *lines,
            "</question>",
        ]
    out.append("</quiz>")
    return ExportResult(content="\n".join(out).encode(), skipped=skipped)
