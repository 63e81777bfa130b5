"""GIFT: reading Moodle's files, every type's shape, escapes and syntax errors."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizzes.interchange import gift
from quizzes.interchange.base import (
    CREDIT_ROUNDED,
    NO_QUESTIONS,
    ONLY_FULL_CREDIT_KEPT,
    WEIGHTS_MAPPED,
    ExportItem,
    InterchangeError,
)

from .helpers import DATA


@pytest.fixture(scope="module")
def sample():
    return gift.parse((DATA / "moodle_sample.gift").read_text())


def test_the_moodle_sample_reads_every_question_with_its_type(sample):
    assert [item.source_type for item in sample] == [
        "single_choice",
        "true_false",
        "short_text",
        "numeric",
        "numeric",
        "matching",
        "multiple_response",
        "essay",
        "description",
    ]
    assert {item.category for item in sample} == {"Réseaux sociaux/Confidentialité"}
    assert [item.line for item in sample][:3] == [4, 11, 13]


def test_single_choice_keeps_credit_feedback_and_general_feedback(sample):
    item = sample[0]
    assert item.name == "Profil public"
    assert item.data["prompt"] == "<p>Qui voit une publication <b>publique</b> ?</p>"
    assert item.data["explanation"] == "<p>Vérifiez l'audience avant de publier.</p>"
    assert [(c["text"], c["credit"]) for c in item.data["choices"]] == [
        ("Tout le monde", 100),
        ("Vos amis seulement", 50),
        ("Personne", 0),
    ]
    assert (
        item.data["choices"][0]["feedback"]
        == "Oui : public veut dire visible par tous."
    )


def test_true_false_feedback_goes_to_the_answer_it_follows(sample):
    data = sample[1].data
    # {FALSE#wrong-answer feedback#right-answer feedback}
    assert data["answer"] is False
    assert data["feedback_true"] == "Non, jamais."
    assert data["feedback_false"] == "Exact : il reste personnel."


def test_short_answer_keeps_full_credit_answers_and_says_what_it_left(sample):
    item = sample[2]
    assert item.data["prompt"] == "<p>Quel réseau appartient à Meta {groupe} ?</p>"
    assert item.data["accepted"] == ["Instagram", "WhatsApp"]
    assert item.warnings == [str(ONLY_FULL_CREDIT_KEPT % {"count": 1})]


def test_numeric_reads_tolerance_and_ranges(sample):
    assert (sample[3].data["answer"], sample[3].data["tolerance"]) == ("13", "0")
    assert (sample[4].data["answer"], sample[4].data["tolerance"]) == ("3", "2")


def test_matching_reads_pairs_and_the_idnumber(sample):
    assert sample[5].idnumber == "assoc-1"
    assert sample[5].data["pairs"][0] == ["LinkedIn", "Réseau professionnel"]


def test_negative_weights_become_penalty_scoring(sample):
    data = sample[6].data
    assert data["scoring"] == "partial"
    assert [c["correct"] for c in data["choices"]] == [True, True, False, False]
    assert sample[6].warnings == []  # -50 each: exactly Relais's penalty


def test_other_weights_are_mapped_with_a_warning():
    [item] = gift.parse("Pick {~%100%a ~%0%b ~%-25%c}")
    assert item.data["type"] == "multiple_response"
    assert item.warnings == [str(WEIGHTS_MAPPED)]


def test_part_credit_is_rounded_with_a_warning():
    [item] = gift.parse("Pick {=a ~%33.33333%b ~c}")
    assert [c["credit"] for c in item.data["choices"]] == [100, 33, 0]
    assert item.warnings == [str(CREDIT_ROUNDED)]


def test_a_description_is_listed_with_its_reason(sample):
    assert not sample[8].importable
    assert sample[8].reason == str(gift.GIFT_DESCRIPTION)


def test_essay_is_an_empty_answer_block(sample):
    assert sample[7].data["type"] == "essay"
    assert sample[7].data["min_words"] is None


def test_missing_word_puts_the_blank_where_the_answers_were():
    [item] = gift.parse("Ne partagez jamais votre {=mot de passe ~adresse} au travail.")
    assert item.data["prompt"] == "<p>Ne partagez jamais votre _____ au travail.</p>"


@pytest.mark.parametrize(
    ("escaped", "text"),
    [
        (r"a\~b", "a~b"),
        (r"a\=b", "a=b"),
        (r"a\#b", "a#b"),
        (r"a\{b\}", "a{b}"),
        (r"a\:b", "a:b"),
        (r"a\\b", "a\\b"),
    ],
    ids=["tilde", "equals", "hash", "braces", "colon", "backslash"],
)
def test_escapes_read_and_write_exactly(escaped, text):
    [item] = gift.parse(f"::{escaped}:: Q {{={escaped}#{escaped}}}")
    assert item.name == text
    assert item.data["accepted"] == [text]
    assert gift.escape(text) == escaped


def test_plain_text_is_escaped_as_html_and_a_leading_percent_kept():
    data = {
        "type": "single_choice",
        "prompt": "<p>Q</p>",
        "explanation": "",
        "points": "1",
        "choices": [
            {"text": "%50% <b>not bold</b>", "credit": 100, "feedback": "a & b"},
            {"text": "x -> y", "credit": 0, "feedback": ""},
        ],
    }
    [item] = gift.parse(gift.write([ExportItem(data=data)]).content.decode())
    assert item.data["choices"] == data["choices"]


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ("// c\n\nQ1 {=a}\n\nQ2 {=a ~b\n~c", gift.GIFT_UNCLOSED_BRACE, 5),
        ("Q1 {=a}\n\nQ2 =a} more", gift.GIFT_STRAY_BRACE, 3),
        ("Q1 {=a}\n\n::Q2 {=a}", gift.GIFT_UNCLOSED_NAME, 3),
        ("Q1 {=a}\n\nQ2\n{#abc}", gift.GIFT_BAD_NUMBER, 4),
    ],
    ids=["unclosed-brace", "stray-brace", "unclosed-name", "bad-number"],
)
def test_syntax_errors_name_their_line(text, message, line):
    with pytest.raises(InterchangeError) as error:
        gift.parse(text)
    assert error.value.line == line
    assert error.value.message == message % {"line": line, "text": "abc"}


def test_a_file_of_comments_only_holds_no_question():
    with pytest.raises(InterchangeError) as error:
        gift.parse("// nothing\n$CATEGORY: $course$/top/A\n")
    assert error.value.message == NO_QUESTIONS


def test_scripts_and_handlers_never_survive():
    text = (
        '[html]<p onclick="x()">Q <script>alert(1)</script>'
        '<a href="javascript:alert(1)">l</a><img src=x onerror=alert(1)></p>{T}'
    )
    [item] = gift.parse(text)
    prompt = item.data["prompt"]
    for bad in ("script", "onclick", "javascript", "onerror", "alert"):
        assert bad not in prompt


GIFT_PIECES = [
    *"ab \n{}~=#:%->.\\1[]",
    "::",
    "{#",
    "$CATEGORY:",
    "//",
    "%-5%",
    "..",
    "T",
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(GIFT_PIECES), max_size=40).map("".join))
def test_any_text_parses_or_is_refused_with_a_message(text):
    try:
        items = gift.parse(text)
    except InterchangeError as error:
        assert str(error.message)
    else:
        assert all(item.data or item.reason for item in items)
