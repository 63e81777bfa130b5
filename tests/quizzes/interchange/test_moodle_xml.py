"""Moodle XML: a real export's every type, unsupported types, images, unsafe XML."""

import pytest

from quizzes.interchange import moodle_xml
from quizzes.interchange.base import (
    CREDIT_ROUNDED,
    EXTERNAL_IMAGE,
    IMAGE_MISSING,
    IMAGE_UNREADABLE,
    ONLY_FULL_CREDIT_KEPT,
    ExportItem,
    InterchangeError,
    ParsedImage,
    ParsedQuestion,
)
from quizzes.interchange.reading import _check_images

from .helpers import DATA


@pytest.fixture(scope="module")
def sample():
    return moodle_xml.parse((DATA / "moodle_sample.xml").read_bytes())


def test_every_question_is_listed_with_its_relais_type_or_reason(sample):
    assert [(item.source_type, item.data and item.data["type"]) for item in sample] == [
        ("multichoice", "single_choice"),
        ("multichoice", "multiple_response"),
        ("truefalse", "true_false"),
        ("shortanswer", "short_text"),
        ("numerical", "numeric"),
        ("matching", "matching"),
        ("ordering", "ordering"),
        ("essay", "essay"),
        ("multianswer", None),
        ("ddimageortext", None),
    ]
    assert sample[8].reason == str(moodle_xml.UNSUPPORTED["multianswer"])
    assert sample[9].reason == str(moodle_xml.UNSUPPORTED["ddimageortext"])
    assert {item.category for item in sample} == {"Réseaux sociaux/Sécurité"}


def test_single_choice_reads_grade_idnumber_credit_and_cleans_html(sample):
    item = sample[0]
    assert (item.name, item.idnumber, item.data["points"]) == (
        "Hameçonnage",
        "SEC-01",
        "2",
    )
    assert [c["credit"] for c in item.data["choices"]] == [100, 33, 0]
    assert item.warnings == [str(CREDIT_ROUNDED)]
    # CDATA then entities: "&amp;lt;" in the file is a literal "<" in the answer.
    assert item.data["choices"][2]["text"] == "Je réponds <vite>"
    assert item.data["choices"][0]["text"] == "Je le signale au service informatique"
    assert "<script>" not in item.data["prompt"]
    assert "&amp; votre code" in item.data["prompt"]
    explanation = item.data["explanation"]
    assert "onclick" not in explanation and "javascript" not in explanation
    assert "<b>jamais</b>" in explanation


def test_images_come_with_their_file_and_alt_text(sample):
    [image] = sample[0].images
    assert image.name == "capture message.png"
    assert image.content.startswith(b"\x89PNG")
    assert 'src="@@PLUGINFILE@@/capture%20message.png"' in sample[0].data["prompt"]
    assert sample[1].images[0].name == "schema.png"


def test_multiple_response_and_all_or_nothing(sample):
    data = sample[1].data
    assert data["scoring"] == "partial"
    assert [c["correct"] for c in data["choices"]] == [True, True, False, False]
    assert sample[1].warnings == []
    content = moodle_xml.write([ExportItem(data={**data, "scoring": "all_or_nothing"})])
    [back] = moodle_xml.parse(content.content)
    assert b'type="multichoiceset"' in content.content
    assert back.data["scoring"] == "all_or_nothing"


def test_true_false_short_answer_numeric(sample):
    assert sample[2].data["answer"] is False
    assert sample[2].data["feedback_true"] == "Non : utilisez le VPN."
    assert sample[3].data["accepted"] == ["2FA", "MFA"]
    assert sample[3].data["ignore_case"] is False  # <usecase>1</usecase>
    assert sample[4].data["unit"] == "caractères"
    assert sample[4].warnings == [str(ONLY_FULL_CREDIT_KEPT % {"count": 1})]


def test_matching_ordering_essay(sample):
    assert len(sample[5].data["pairs"]) == 2
    assert sample[5].warnings  # the distractor without a pair is named
    assert sample[6].data["items"][0] == "Changer le mot de passe"
    assert sample[6].data["scoring"] == "position"
    essay = sample[7].data
    assert (essay["min_words"], essay["max_words"], essay["points"]) == (50, 300, "10")
    assert essay["grader_instructions"] == "<p>Valorisez la prise de recul.</p>"


@pytest.mark.parametrize(
    "value",
    ["a ]]> b", "<p>x</p>]]>", "&amp; &lt; é", "plain"],
    ids=["cdata-end", "cdata-end-last", "entities", "plain"],
)
def test_text_round_trips_exactly_through_cdata(value):
    name = f"<name><text>{moodle_xml.text(value)}</text></name>"
    xml = f"<quiz><question type='x'>{name}</question></quiz>"
    [item] = moodle_xml.parse(xml.encode())
    assert item.name == value


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<quiz><question type="truefalse"><name><text>&lol3;</text></name></question></quiz>"""
EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE quiz [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<quiz><question type="truefalse"><name><text>&xxe;</text></name></question></quiz>"""
EXTERNAL_DTD = b"""<?xml version="1.0"?>
<!DOCTYPE quiz SYSTEM "http://example.com/quiz.dtd">
<quiz></quiz>"""


@pytest.mark.parametrize(
    "content",
    [BILLION_LAUGHS, EXTERNAL_ENTITY, EXTERNAL_DTD],
    ids=["billion-laughs", "external-entity", "external-dtd"],
)
def test_entities_and_dtds_are_refused(content):
    with pytest.raises(InterchangeError) as error:
        moodle_xml.parse(content)
    assert error.value.message == moodle_xml.XML_FORBIDDEN


def test_a_truncated_file_names_its_line():
    content = (DATA / "moodle_sample.xml").read_bytes()[:3000]
    with pytest.raises(InterchangeError) as error:
        moodle_xml.parse(content)
    assert error.value.line == content.count(b"\n") + 1
    expected = moodle_xml.XML_MALFORMED % {"line": error.value.line, "error": "…"}
    assert error.value.message.startswith(expected.split("(")[0])


def test_a_file_that_is_not_moodle_xml_is_refused():
    with pytest.raises(InterchangeError) as error:
        moodle_xml.parse(b"<html><body/></html>")
    assert error.value.message == moodle_xml.XML_NOT_MOODLE


def test_the_relais_extension_is_namespaced_and_limited_to_the_types_keys():
    data = {
        "type": "short_text",
        "prompt": "<p>Q</p>",
        "explanation": "",
        "points": "1",
        "accepted": ["a"],
        "ignore_case": True,
        "ignore_accents": True,
        "ignore_punctuation": False,
        "ignore_spacing": True,
    }
    content = moodle_xml.write([ExportItem(data=data)]).content
    assert b"<relais:extra>" in content and b"xmlns:relais=" in content
    forged = content.replace(
        b'{"ignore_accents"', b'{"prompt": "&lt;script&gt;", "ignore_accents"'
    )
    [item] = moodle_xml.parse(forged)
    assert item.data == data


@pytest.mark.parametrize(
    ("prompt", "files", "expected"),
    [
        ('<img src="@@PLUGINFILE@@/a.png" alt="A">', {}, IMAGE_MISSING),
        (
            '<img src="@@PLUGINFILE@@/a.png" alt="A">',
            {"a.png": b"not a png"},
            IMAGE_UNREADABLE,
        ),
        ('<img src="https://example.com/a.png" alt="A">', {}, EXTERNAL_IMAGE),
    ],
    ids=["missing", "unreadable", "external"],
)
def test_images_that_cannot_come_are_left_out_and_named(prompt, files, expected):
    item = ParsedQuestion(
        position=1,
        data={"type": "true_false", "prompt": f"<p>Q {prompt}</p>", "explanation": ""},
        images=[
            ParsedImage(name=name, content=content) for name, content in files.items()
        ],
    )
    _check_images(item)
    assert item.data["prompt"] == "<p>Q </p>"
    assert item.warnings == [
        str(expected % {"name": "a.png", "src": "https://example.com/a.png"})
    ]
