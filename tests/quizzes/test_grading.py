"""Grading is pure: every type, built in memory without the database.

These tests carry no ``django_db`` mark, so any query would fail them.
"""

import random
from decimal import Decimal

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.http import QueryDict
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizzes.grading import (
    NUMERIC_INVALID,
    ORDERING_DUPLICATE,
    ORDERING_INCOMPLETE,
    RESPONSE_MALFORMED,
    RESPONSE_SINGLE_VALUE,
    RESPONSE_TOO_LONG,
    RESPONSE_UNKNOWN_OPTION,
    Grade,
    InvalidResponse,
    normalise_text,
    parse_number,
)
from quizzes.models import (
    MatchingQuestion,
    MultipleResponseQuestion,
    NumericQuestion,
    OrderingQuestion,
    Question,
    ShortTextQuestion,
    SingleChoiceQuestion,
    TrueFalseQuestion,
    UnknownQuestionType,
    question_type,
    question_types,
)

# --- Builders (neutral format → unsaved question with rows in memory) ---------------


def single_choice():
    return SingleChoiceQuestion.from_import(
        {
            "prompt": "Quelle réponse à cette demande d'ami ?",
            "choices": [
                {"text": "Accepter", "correct": False, "feedback": "Trop vite."},
                {"text": "Vérifier le profil", "correct": True, "feedback": "Bien."},
                {"text": "Demander qui c'est", "credit": 50, "feedback": "Presque."},
            ],
        }
    )


def multiple_response(scoring="partial"):
    return MultipleResponseQuestion.from_import(
        {
            "prompt": "Que garder privé ?",
            "scoring": scoring,
            "choices": [
                {"text": "Adresse", "correct": True, "feedback": "Oui, l'adresse."},
                {"text": "Date de naissance", "correct": True},
                {"text": "Employeur", "correct": False, "feedback": "Souvent public."},
                {"text": "Ville", "correct": False},
            ],
        }
    )


def true_false():
    return TrueFalseQuestion.from_import(
        {
            "prompt": "Une publication privée reste privée.",
            "answer": False,
            "feedback_true": "Non.",
            "feedback_false": "Exact.",
        }
    )


def short_text(**flags):
    return ShortTextQuestion.from_import(
        {
            "prompt": "Où limiter l'audience ?",
            "accepted": ["Paramètres de confidentialité", "confidentialité"],
            "ignore_case": True,
            "ignore_accents": True,
            "ignore_punctuation": True,
            **flags,
        }
    )


def numeric():
    return NumericQuestion.from_import(
        {"prompt": "Quel pourcentage ?", "answer": 20, "tolerance": 0.5, "unit": "%"}
    )


STEPS = ["Ouvrir", "Choisir", "Limiter", "Enregistrer"]


def ordering(scoring="position"):
    return OrderingQuestion.from_import(
        {"prompt": "Dans l'ordre", "scoring": scoring, "items": STEPS}
    )


PAIRS = [
    ["LinkedIn", "Profil professionnel"],
    ["Facebook", "Publications entre amis"],
    ["Instagram", "Pas de géolocalisation"],
]


def matching():
    return MatchingQuestion.from_import({"prompt": "Associez", "pairs": PAIRS})


def choice_key(question, text):
    return next(c.key for c in question.choices.all() if c.text == text)


def item_keys(question, texts):
    by_text = {item.text: item.key for item in question.items.all()}
    return [by_text[text] for text in texts]


def pair_response(question, mapping):
    pairs = list(question.pairs.all())
    left = {p.left: p.key for p in pairs}
    right = {p.right: p.right_key for p in pairs}
    return {left[k]: right[v] for k, v in mapping.items()}


# --- Case tables: correct, wrong, partial, empty, malformed --------------------------

GRADED = [
    # (builder, response from the question, expected fraction, expected feedback)
    (single_choice, lambda q: choice_key(q, "Vérifier le profil"), "1", "Bien."),
    (single_choice, lambda q: choice_key(q, "Accepter"), "0", "Trop vite."),
    (single_choice, lambda q: choice_key(q, "Demander qui c'est"), "0.5", "Presque."),
    (
        multiple_response,
        lambda q: [choice_key(q, "Adresse"), choice_key(q, "Date de naissance")],
        "1",
        "Oui, l'adresse.",
    ),
    (
        multiple_response,
        lambda q: [choice_key(q, "Employeur"), choice_key(q, "Ville")],
        "0",
        "Souvent public.",
    ),
    (multiple_response, lambda q: [choice_key(q, "Adresse")], "0.5", "Oui, l'adresse."),
    (
        multiple_response,
        lambda q: [
            choice_key(q, "Adresse"),
            choice_key(q, "Date de naissance"),
            choice_key(q, "Ville"),
        ],
        "0.5",
        "Oui, l'adresse.",
    ),
    (
        multiple_response,
        lambda q: [
            choice_key(q, "Adresse"),
            choice_key(q, "Employeur"),
            choice_key(q, "Ville"),
        ],
        "0",
        "Oui, l'adresse.\nSouvent public.",
    ),
    (
        lambda: multiple_response("all_or_nothing"),
        lambda q: [choice_key(q, "Adresse")],
        "0",
        "Oui, l'adresse.",
    ),
    (
        lambda: multiple_response("all_or_nothing"),
        lambda q: [choice_key(q, "Date de naissance"), choice_key(q, "Adresse")],
        "1",
        "Oui, l'adresse.",
    ),
    (true_false, lambda q: False, "1", "Exact."),
    (true_false, lambda q: True, "0", "Non."),
    (short_text, lambda q: "  parametres   de CONFIDENTIALITE ! ", "1", ""),
    (short_text, lambda q: "confidentialité", "1", ""),
    (short_text, lambda q: "mot de passe", "0", ""),
    (short_text, lambda q: "parametre de confidentialite", "0", ""),
    (lambda: short_text(ignore_accents=False), lambda q: "confidentialite", "0", ""),
    (
        lambda: short_text(ignore_punctuation=False),
        lambda q: "confidentialité.",
        "0",
        "",
    ),
    (numeric, lambda q: "20", "1", ""),
    (numeric, lambda q: "20,0", "1", ""),
    (numeric, lambda q: "20.0", "1", ""),
    (numeric, lambda q: " 19,5 % ", "1", ""),
    (numeric, lambda q: "20.6", "0", ""),
    (numeric, lambda q: "−20", "0", ""),
    (ordering, lambda q: item_keys(q, STEPS), "1", ""),
    (ordering, lambda q: item_keys(q, STEPS[::-1]), "0", ""),
    (
        ordering,
        lambda q: item_keys(q, ["Ouvrir", "Choisir", "Enregistrer", "Limiter"]),
        "0.5",
        "",
    ),
    (lambda: ordering("relative"), lambda q: item_keys(q, STEPS[::-1]), "0", ""),
    (
        lambda: ordering("relative"),
        lambda q: item_keys(q, ["Ouvrir", "Choisir", "Enregistrer", "Limiter"]),
        "0.8333",
        "",
    ),
    (matching, lambda q: pair_response(q, dict(PAIRS)), "1", ""),
    (
        matching,
        lambda q: pair_response(
            q,
            {
                "LinkedIn": "Publications entre amis",
                "Facebook": "Pas de géolocalisation",
                "Instagram": "Profil professionnel",
            },
        ),
        "0",
        "",
    ),
    (
        matching,
        lambda q: pair_response(q, {"LinkedIn": "Profil professionnel"}),
        "0.3333",
        "",
    ),
]
GRADED_IDS = [
    "single-correct",
    "single-wrong",
    "single-partial-credit",
    "multiple-correct",
    "multiple-wrong",
    "multiple-partial",
    "multiple-partial-with-penalty",
    "multiple-never-below-zero",
    "all-or-nothing-partial-is-zero",
    "all-or-nothing-correct",
    "true-false-correct",
    "true-false-wrong",
    "short-normalised",
    "short-second-accepted",
    "short-wrong",
    "short-near-miss",
    "short-accents-count",
    "short-punctuation-counts",
    "numeric-integer",
    "numeric-comma",
    "numeric-point",
    "numeric-tolerance-and-unit",
    "numeric-outside-tolerance",
    "numeric-typographic-minus",
    "ordering-correct",
    "ordering-reversed",
    "ordering-partial-position",
    "relative-reversed",
    "relative-one-swap",
    "matching-correct",
    "matching-wrong",
    "matching-partial",
]


@pytest.mark.parametrize(
    ("build", "response", "fraction", "feedback"), GRADED, ids=GRADED_IDS
)
def test_grade_table(build, response, fraction, feedback):
    question = build()
    grade = question.grade(response(question))
    assert grade.fraction == Decimal(fraction)
    assert grade.feedback == feedback
    assert grade.answered
    assert grade.is_correct == (grade.fraction == 1)


EVERY_BUILDER = [
    single_choice,
    multiple_response,
    true_false,
    short_text,
    numeric,
    ordering,
    matching,
]
EVERY_ID = [
    "single",
    "multiple",
    "true-false",
    "short",
    "numeric",
    "ordering",
    "matching",
]


@pytest.mark.parametrize("build", EVERY_BUILDER, ids=EVERY_ID)
@pytest.mark.parametrize(
    "empty", [None, "", [], {}], ids=["none", "blank", "list", "dict"]
)
def test_empty_response_scores_zero_and_counts_as_unanswered(build, empty):
    question = build()
    if isinstance(question, TrueFalseQuestion) and empty is not None:
        with pytest.raises(InvalidResponse):
            question.grade(empty)
        return
    grade = question.grade(empty)
    assert grade.fraction == 0
    assert not grade.answered


MALFORMED = [
    (single_choice, 42, RESPONSE_MALFORMED),
    (single_choice, "not-a-key", RESPONSE_UNKNOWN_OPTION),
    (single_choice, ["a", "b"], RESPONSE_MALFORMED),
    (multiple_response, "Adresse", RESPONSE_MALFORMED),
    (multiple_response, ["x", "x"], RESPONSE_MALFORMED),
    (multiple_response, ["foreign"], RESPONSE_UNKNOWN_OPTION),
    (true_false, "true", RESPONSE_MALFORMED),
    (true_false, 1, RESPONSE_MALFORMED),
    (short_text, 12, RESPONSE_MALFORMED),
    (short_text, "x" * 501, RESPONSE_TOO_LONG % {"limit": 500}),
    (numeric, "NaN", NUMERIC_INVALID),
    (numeric, "inf", NUMERIC_INVALID),
    (numeric, "-Infinity", NUMERIC_INVALID),
    (numeric, "1e3", NUMERIC_INVALID),
    (numeric, "vingt", NUMERIC_INVALID),
    (numeric, "20,0,0", NUMERIC_INVALID),
    (numeric, 20, RESPONSE_MALFORMED),
    (ordering, "Ouvrir", RESPONSE_MALFORMED),
    (ordering, ["foreign", "a", "b", "c"], RESPONSE_UNKNOWN_OPTION),
    (matching, ["LinkedIn"], RESPONSE_MALFORMED),
    (matching, {"foreign": "x"}, RESPONSE_UNKNOWN_OPTION),
]
MALFORMED_IDS = [
    "single-not-text",
    "single-foreign-id",
    "single-several",
    "multiple-not-list",
    "multiple-duplicate",
    "multiple-foreign-id",
    "true-false-string",
    "true-false-int",
    "short-not-text",
    "short-too-long",
    "numeric-nan",
    "numeric-inf",
    "numeric-minus-infinity",
    "numeric-exponent",
    "numeric-words",
    "numeric-two-commas",
    "numeric-not-text",
    "ordering-not-list",
    "ordering-foreign-id",
    "matching-not-dict",
    "matching-foreign-id",
]


@pytest.mark.parametrize(("build", "response", "message"), MALFORMED, ids=MALFORMED_IDS)
def test_malformed_response_is_refused_with_its_message(build, response, message):
    with pytest.raises(InvalidResponse) as error:
        build().grade(response)
    assert str(error.value.message) == str(message)


def test_ordering_refuses_missing_and_repeated_items():
    question = ordering()
    keys = item_keys(question, STEPS)
    for response in (keys[:3], [keys[0], *keys[:3]]):
        with pytest.raises(InvalidResponse) as error:
            question.grade(response)
        assert error.value.message == ORDERING_DUPLICATE % {"count": 4}


def test_matching_foreign_right_option_is_refused():
    question = matching()
    left = question.pairs.all()[0].key
    with pytest.raises(InvalidResponse):
        question.grade(
            {left: question.pairs.all()[1].key}
        )  # a left key, not a right one


def test_matching_shared_right_text_is_one_option_and_grades_by_text():
    question = MatchingQuestion.from_import(
        {"prompt": "p", "pairs": [["A", "Public"], ["B", "Public"], ["C", "Privé"]]}
    )
    presented = question.present(random.Random(1))
    assert sorted(o["text"] for o in presented["options"]) == ["Privé", "Public"]
    public = next(o["id"] for o in presented["options"] if o["text"] == "Public")
    lefts = {p.left: p.key for p in question.pairs.all()}
    assert question.grade({lefts["A"]: public, lefts["B"]: public}).fraction == Decimal(
        "0.6667"
    )


# --- Reading form posts ---------------------------------------------------------------


def _query(**fields):
    data = QueryDict(mutable=True)
    for key, value in fields.items():
        data.setlist(key, value if isinstance(value, list) else [value])
    return data


READ_ERRORS = [
    (single_choice, {"q1": ["a", "b"]}, RESPONSE_SINGLE_VALUE),
    (true_false, {"q1": "maybe"}, RESPONSE_MALFORMED),
    (numeric, {"q1": "douze"}, NUMERIC_INVALID),
    (short_text, {"q1": ["a", "b"]}, RESPONSE_SINGLE_VALUE),
]


@pytest.mark.parametrize(
    ("build", "fields", "message"),
    READ_ERRORS,
    ids=["single-two-values", "true-false-junk", "numeric-junk", "short-two-values"],
)
def test_read_form_refuses_bad_posts(build, fields, message):
    question = build()
    with pytest.raises(InvalidResponse) as error:
        type(question).read_form(
            question.present(random.Random(0)), _query(**fields), "q1"
        )
    assert error.value.message == message


def test_read_form_ordering_positions():
    question = ordering()
    presentation = question.present(random.Random(3))
    ids = [item["id"] for item in presentation["items"]]
    read = OrderingQuestion.read_form
    assert read(presentation, _query(), "q1") is None
    with pytest.raises(InvalidResponse) as error:
        read(presentation, _query(**{f"q1-{ids[0]}": "1"}), "q1")
    assert error.value.message == ORDERING_INCOMPLETE
    same = {f"q1-{item_id}": "1" for item_id in ids}
    with pytest.raises(InvalidResponse) as error:
        read(presentation, _query(**same), "q1")
    assert error.value.message == ORDERING_DUPLICATE % {"count": 4}
    with pytest.raises(InvalidResponse):
        read(presentation, _query(**{f"q1-{item_id}": "x" for item_id in ids}), "q1")
    positions = {f"q1-{item_id}": str(4 - index) for index, item_id in enumerate(ids)}
    assert read(presentation, _query(**positions), "q1") == ids[::-1]


# --- Presentations carry no key -------------------------------------------------------

KEY_WORDS = (
    "correct",
    "credit",
    "feedback",
    "answer",
    "accepted",
    "right_id",
    "tolerance",
)


@pytest.mark.parametrize("build", EVERY_BUILDER, ids=EVERY_ID)
def test_presentation_has_no_key_material(build):
    question = build()
    for seed in range(5):
        presentation = question.present(random.Random(seed), shuffle=True)
        text = repr(presentation)
        assert not any(f"'{word}'" in text for word in KEY_WORDS)


def test_ordering_is_never_presented_in_the_right_order():
    question = ordering()
    key = [item.key for item in question.items.all()]
    for seed in range(50):
        presented = [i["id"] for i in question.present(random.Random(seed))["items"]]
        assert presented != key
        assert sorted(presented) == sorted(key)


def test_matching_right_ids_are_not_left_ids():
    question = matching()
    presentation = question.present(random.Random(0))
    left_ids = {p["id"] for p in presentation["prompts"]}
    assert left_ids.isdisjoint({o["id"] for o in presentation["options"]})


# --- Snapshots ------------------------------------------------------------------------


@pytest.mark.parametrize("build", EVERY_BUILDER, ids=EVERY_ID)
def test_snapshot_round_trip_grades_the_same_and_cannot_be_saved(build):
    question = build()
    rebuilt = Question.from_snapshot(question.to_snapshot())
    assert type(rebuilt) is type(question)
    assert rebuilt.grade(question.key_response()).fraction == 1
    assert rebuilt.key_text() == question.key_text()
    with pytest.raises(ImproperlyConfigured):
        rebuilt.save()


def test_every_type_is_registered_and_unknown_types_list_the_valid_ones():
    codes = [model.type_code for model in question_types()]
    assert codes == [
        "single_choice",
        "multiple_response",
        "true_false",
        "short_text",
        "numeric",
        "ordering",
        "matching",
        "essay",
    ]
    with pytest.raises(UnknownQuestionType) as error:
        question_type("cloze")
    assert "single_choice" in str(error.value) and "'cloze'" in str(error.value)


# --- Helpers --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("20", "20"),
        ("20,5", "20.5"),
        ("-3.25", "-3.25"),
        ("1 000", "1000"),
        ("1\u202f000,5", "1000.5"),
        (".5", "0.5"),
        ("20 %", "20"),
    ],
    ids=[
        "int",
        "comma",
        "negative",
        "thousands",
        "narrow-space",
        "leading-point",
        "unit",
    ],
)
def test_parse_number(raw, expected):
    assert parse_number(raw, unit="%") == Decimal(expected)


def test_normalise_text_switches():
    text = "  Paramètres  de Confidentialité ! "
    assert normalise_text(text) == "Paramètres  de Confidentialité !"
    everything = normalise_text(
        text,
        ignore_case=True,
        ignore_accents=True,
        ignore_punctuation=True,
        ignore_spacing=True,
    )
    assert everything == "parametres de confidentialite"


@pytest.mark.parametrize(
    ("value", "expected"),
    [("1.5", "1"), ("-1", "0"), ("NaN", "0"), ("0.33333", "0.3333")],
    ids=["above-one", "negative", "nan", "rounded"],
)
def test_grade_fraction_is_clamped_and_rounded(value, expected):
    assert Grade(fraction=Decimal(value)).fraction == Decimal(expected)


def test_grade_points():
    assert Grade(fraction=Decimal("0.5")).points(Decimal("3")) == Decimal("1.50")


# --- Properties -----------------------------------------------------------------------

JUNK = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=40),
    st.lists(st.text(max_size=8), max_size=6),
    st.dictionaries(st.text(max_size=8), st.text(max_size=8), max_size=4),
)


def _responses(question):
    """Responses made of the question's own keys, plus junk."""
    keys = sorted(question.option_keys()) or ["x"]
    return st.one_of(
        JUNK,
        st.sampled_from(keys),
        st.lists(st.sampled_from(keys), max_size=len(keys) + 1),
        st.permutations(keys).map(list),
        st.dictionaries(
            st.sampled_from(keys), st.sampled_from(keys), max_size=len(keys)
        ),
        st.decimals(allow_nan=False, allow_infinity=False, places=2).map(str),
    )


@pytest.mark.parametrize("build", EVERY_BUILDER, ids=EVERY_ID)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_property_fraction_always_between_zero_and_one(build, data):
    question = build()
    response = data.draw(_responses(question))
    try:
        grade = question.grade(response)
    except InvalidResponse:
        return
    assert Decimal(0) <= grade.fraction <= Decimal(1)


TEXTS = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéè ", min_size=1, max_size=12).map(
    str.strip
)


@st.composite
def generated_questions(draw):
    """A random question of a random type, with a valid key."""
    kind = draw(st.sampled_from(EVERY_ID))
    texts = draw(
        st.lists(TEXTS.filter(bool), min_size=2, max_size=6, unique_by=str.casefold)
    )
    if kind == "single":
        right = draw(st.integers(0, len(texts) - 1))
        choices = [{"text": t, "correct": i == right} for i, t in enumerate(texts)]
        return SingleChoiceQuestion.from_import({"prompt": "p", "choices": choices})
    if kind == "multiple":
        flags = draw(st.lists(st.booleans(), min_size=len(texts), max_size=len(texts)))
        flags[draw(st.integers(0, len(texts) - 1))] = True
        return MultipleResponseQuestion.from_import(
            {
                "prompt": "p",
                "scoring": draw(st.sampled_from(["partial", "all_or_nothing"])),
                "choices": [
                    {"text": t, "correct": f} for t, f in zip(texts, flags, strict=True)
                ],
            }
        )
    if kind == "true-false":
        return TrueFalseQuestion.from_import(
            {"prompt": "p", "answer": draw(st.booleans())}
        )
    if kind == "short":
        return ShortTextQuestion.from_import({"prompt": "p", "accepted": texts})
    if kind == "numeric":
        answer = draw(st.decimals(-(10**6), 10**6, places=3, allow_nan=False))
        return NumericQuestion.from_import(
            {"prompt": "p", "answer": answer, "tolerance": 0}
        )
    if kind == "ordering":
        scoring = draw(st.sampled_from(["position", "relative"]))
        return OrderingQuestion.from_import(
            {"prompt": "p", "scoring": scoring, "items": texts}
        )
    rights = draw(
        st.lists(TEXTS.filter(bool), min_size=len(texts), max_size=len(texts))
    )
    return MatchingQuestion.from_import(
        {
            "prompt": "p",
            "pairs": [list(pair) for pair in zip(texts, rights, strict=True)],
        }
    )


@settings(max_examples=200, deadline=None)
@given(question=generated_questions())
def test_property_the_key_scores_one(question):
    assert question.grade(question.key_response()).fraction == 1


def _by_text(presentation, texts):
    """The ids a learner picks by reading texts off a presentation."""
    options = presentation.get("options") or presentation.get("items") or []
    return [option["id"] for option in options if option.get("text") in texts]


@settings(max_examples=200, deadline=None)
@given(question=generated_questions(), seed=st.integers(), data=st.data())
def test_property_a_shuffled_presentation_grades_the_same(question, seed, data):
    plain = question.present(random.Random(0), shuffle=False)
    shuffled = question.present(random.Random(seed), shuffle=True)
    if isinstance(question, (SingleChoiceQuestion, MultipleResponseQuestion)):
        texts = [option["text"] for option in plain["options"]]
        picked = data.draw(st.lists(st.sampled_from(texts), min_size=1, unique=True))
        if isinstance(question, SingleChoiceQuestion):
            picked = picked[:1]
            first, second = _by_text(plain, picked)[0], _by_text(shuffled, picked)[0]
        else:
            first, second = _by_text(plain, picked), _by_text(shuffled, picked)
        assert question.grade(first).fraction == question.grade(second).fraction
    elif isinstance(question, OrderingQuestion):
        # The learner orders by text; the presentation order must not matter.
        texts = data.draw(st.permutations([item["text"] for item in plain["items"]]))
        ids = {item["text"]: item["id"] for item in shuffled["items"]}
        plain_ids = {item["text"]: item["id"] for item in plain["items"]}
        assert (
            question.grade([ids[t] for t in texts]).fraction
            == question.grade([plain_ids[t] for t in texts]).fraction
        )
    elif isinstance(question, MatchingQuestion):
        lefts = [p["text"] for p in plain["prompts"]]
        rights = [o["text"] for o in plain["options"]]
        chosen = data.draw(
            st.lists(st.sampled_from(rights), min_size=len(lefts), max_size=len(lefts))
        )

        def response(presentation):
            left_ids = {p["text"]: p["id"] for p in presentation["prompts"]}
            right_ids = {o["text"]: o["id"] for o in presentation["options"]}
            return {
                left_ids[left]: right_ids[right]
                for left, right in zip(lefts, chosen, strict=True)
            }

        assert (
            question.grade(response(plain)).fraction
            == question.grade(response(shuffled)).fraction
        )
    else:
        assert shuffled == plain
