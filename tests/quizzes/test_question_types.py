"""The question-type registry: one entry per type, and every dispatch point uses it.

Most tests here build questions in memory; the ones that save carry the
``django_db`` mark themselves.
"""

import json
import random
from decimal import Decimal

import pytest
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.http import QueryDict
from django.template.loader import get_template

from quizzes.admin_forms import quick_answers_to_data
from quizzes.display import preview_displays
from quizzes.forms import read_responses
from quizzes.grading import InvalidResponse
from quizzes.models import (
    AttemptQuestion,
    MultipleResponseQuestion,
    Question,
    SingleChoiceQuestion,
    TrueFalseQuestion,
    UnknownQuestionType,
    question_type,
    question_types,
)
from quizzes.question_types import QuestionType, QuestionTypeRegistry, registry
from quizzes.question_types.choice import ChoiceFamily, ChoiceRow, OptionRowsQuestion
from quizzes.services import question_create_from_data
from tests.factories import QUESTION_FACTORIES

EVERY_CODE = [
    "single_choice",
    "multiple_response",
    "true_false",
    "short_text",
    "numeric",
    "ordering",
    "matching",
    "essay",
]

#: One question per type in the neutral format, using every key the type reads.
SAMPLES = {
    "essay": {
        "type": "essay",
        "prompt": "Refusez poliment la demande d'ami d'un client.",
        "explanation": "Un refus courtois protège la relation.",
        "points": "6",
        "model_answer": "<p>Bonjour, merci de votre demande.</p>",
        "min_words": 20,
        "max_words": 120,
        "grader_instructions": "Le ton compte autant que le fond.",
        "rubric": [
            {
                "criterion": "Politesse",
                "levels": [
                    {"label": "Sec", "points": "0"},
                    {"label": "Chaleureux", "points": "2"},
                ],
            },
            {
                "criterion": "Contact professionnel",
                "levels": [
                    {"label": "Absent", "points": "0"},
                    {"label": "Donné", "points": "4"},
                ],
            },
        ],
    },
    "single_choice": {
        "type": "single_choice",
        "prompt": "Quelle réponse à cette demande d'ami ?",
        "explanation": "Vérifiez d'abord.",
        "points": "2.5",
        "choices": [
            {"text": "Accepter", "credit": 0, "feedback": "Trop vite."},
            {"text": "Vérifier le profil", "correct": True, "feedback": "Bien."},
            {"text": "Demander qui c'est", "credit": 50},
        ],
    },
    "multiple_response": {
        "type": "multiple_response",
        "prompt": "Que garder privé ?",
        "scoring": "all_or_nothing",
        "choices": [
            {"text": "Adresse", "correct": True, "feedback": "Oui."},
            {"text": "Employeur", "correct": False},
            {"text": "Date de naissance", "correct": True},
        ],
    },
    "true_false": {
        "type": "true_false",
        "prompt": "Une publication privée reste privée.",
        "answer": False,
        "feedback_true": "Non.",
        "feedback_false": "Exact.",
    },
    "short_text": {
        "type": "short_text",
        "prompt": "Où limiter l'audience ?",
        "accepted": ["Paramètres de confidentialité", "confidentialité"],
        "ignore_case": False,
        "ignore_accents": True,
        "ignore_punctuation": False,
        "ignore_spacing": False,
    },
    "numeric": {
        "type": "numeric",
        "prompt": "Quel pourcentage ?",
        "answer": "20.25",
        "tolerance": "0.5",
        "unit": "%",
    },
    "ordering": {
        "type": "ordering",
        "prompt": "Dans l'ordre",
        "scoring": "relative",
        "items": ["Ouvrir", "Choisir", "Limiter", "Enregistrer"],
    },
    "matching": {
        "type": "matching",
        "prompt": "Associez",
        "pairs": [
            ["LinkedIn", "Profil professionnel"],
            ["Facebook", "Entre amis"],
            ["Viadeo", "Profil professionnel"],
        ],
    },
}

# Fields that differ between two copies of the same question by design.
IDENTITY_FIELDS = {"id", "key", "right_key", "question", "translation_key", "locale"}


def _content(question) -> dict:
    """A question's own field values and its rows', without ids and keys."""
    model = type(question)
    content = {
        field.name: getattr(question, field.attname)
        for field in model._meta.concrete_fields
        if not field.primary_key
        and field.name not in IDENTITY_FIELDS | {"updated_at", "polymorphic_ctype"}
    }
    for relation in model.child_relation_names():
        content[relation] = [
            {
                field.name: getattr(row, field.attname)
                for field in row._meta.concrete_fields
                if field.name not in IDENTITY_FIELDS
            }
            for row in getattr(question, relation).all()
        ]
    return content


# --- The registry ---------------------------------------------------------------------


def test_registry_lists_every_type_in_chooser_order():
    assert registry.codes() == EVERY_CODE
    assert [entry.model for entry in registry] == question_types()
    assert set(QUESTION_FACTORIES) == set(question_types())


def test_unknown_code_error_lists_the_valid_types():
    with pytest.raises(UnknownQuestionType) as error:
        registry.get("cloze")
    message = str(error.value)
    assert "'cloze'" in message
    for code in EVERY_CODE:
        assert code in message


@pytest.mark.parametrize("code", EVERY_CODE)
def test_every_entry_is_complete(code):
    entry = registry.get(code)
    assert entry.code == entry.model.type_code == code
    assert issubclass(entry.model, Question)
    assert registry.for_model(entry.model) is entry
    assert question_type(code) is entry.model
    assert entry.template == f"quizzes/questions/{code}.html"
    get_template(entry.template)  # raises TemplateDoesNotExist
    for part in ("reader", "field_names", "display", "importer", "exporter"):
        assert callable(getattr(entry, part)), part
    assert callable(entry.quick_answers)


def test_registering_a_code_twice_or_under_another_name_is_refused():
    fresh = QuestionTypeRegistry()
    entry = registry.get("numeric")
    fresh.register(entry)
    fresh.register(entry)  # the same entry again (a module reloaded) is harmless
    with pytest.raises(ImproperlyConfigured):
        fresh.register(
            QuestionType(
                code="numeric",
                model=TrueFalseQuestion,
                display=entry.display,
                quick_answers=entry.quick_answers,
            )
        )
    with pytest.raises(ImproperlyConfigured):
        fresh.register(
            QuestionType(
                code="true_or_false",
                model=TrueFalseQuestion,
                display=entry.display,
                quick_answers=entry.quick_answers,
            )
        )


# --- The choice family shares one base ------------------------------------------------


def test_choice_types_share_one_family_base():
    for code in ("single_choice", "multiple_response", "true_false"):
        assert issubclass(registry.get(code).model, ChoiceFamily)
    for model in (SingleChoiceQuestion, MultipleResponseQuestion):
        assert issubclass(model, OptionRowsQuestion)
        assert issubclass(model.option_model(), ChoiceRow)
        for name in ("from_key_snapshot", "option_keys", "present", "from_import"):
            assert name not in vars(model), f"{model.__name__} redefines {name}"


# --- Export and import ----------------------------------------------------------------


@pytest.mark.parametrize("code", EVERY_CODE)
def test_export_then_import_gives_an_equal_question(code):
    entry = registry.get(code)
    original = entry.importer(SAMPLES[code])
    exported = entry.exporter(original)
    assert exported["type"] == code
    # JSON-ready: what a file would hold reads back the same.
    exported = json.loads(json.dumps(exported))
    copy = entry.importer(exported)
    assert type(copy) is type(original)
    assert _content(copy) == _content(original)
    assert entry.exporter(copy) == exported
    assert copy.key_text() == original.key_text()
    grade = copy.grade(copy.key_response())
    if grade.needs_person:  # an essay: the rubric's top levels earn full marks
        grade = copy.grade_by_person(copy.key_response(), copy.key_decision())
    assert grade.fraction == 1


def test_export_keeps_what_the_sample_set():
    numeric = registry.get("numeric")
    question = numeric.importer(SAMPLES["numeric"])
    assert numeric.exporter(question) | {"explanation": ""} == {
        **SAMPLES["numeric"],
        "prompt": "<p>Quel pourcentage ?</p>",
        "explanation": "",
        "points": "1",
    }
    single = registry.get("single_choice").importer(SAMPLES["single_choice"])
    assert single.points == Decimal("2.5")
    assert [c["credit"] for c in single.export_data()["choices"]] == [0, 100, 50]


@pytest.mark.django_db
@pytest.mark.parametrize("code", EVERY_CODE)
def test_saved_question_exports_and_imports_back_equal(code, locale_fr):
    model = question_type(code)
    saved = QUESTION_FACTORIES[model](locale=locale_fr)
    saved = Question.objects.get(pk=saved.pk)  # the polymorphic, specific instance
    exported = json.loads(json.dumps(registry.get(code).exporter(saved)))
    copy = question_create_from_data(data=exported, locale=locale_fr)
    assert copy.pk != saved.pk
    assert _content(Question.objects.get(pk=copy.pk)) == _content(saved)


# --- A new type needs no edit elsewhere -----------------------------------------------


class EchoQuestion:
    """A throwaway type for these tests: one box, read back in capitals."""

    type_code = "echo"
    type_order = 999
    prompt = "<p>Say it</p>"

    @classmethod
    def read_form(cls, presentation, data, name):
        value = data.get(name, "")
        if value == "!":
            raise InvalidResponse("No shouting alone.")
        return value.upper() or None

    @classmethod
    def form_field_names(cls, presentation, name):
        return {name}

    def present(self, rng, *, shuffle=False):
        return {"size": 10}


@pytest.fixture
def echo_type():
    entry = registry.register(
        QuestionType(
            code="echo",
            model=EchoQuestion,
            display=lambda presentation, response, name: {
                "size": presentation["size"],
                "said": response or "",
            },
            quick_answers=lambda lines: {"said": lines[0]},
            template="quizzes/questions/short_text.html",
        )
    )
    yield entry
    registry.unregister("echo")


def _post(**fields) -> QueryDict:
    data = QueryDict(mutable=True)
    for name, value in fields.items():
        data.setlist(name, value if isinstance(value, list) else [value])
    return data


def test_a_registered_type_is_read_displayed_and_created_without_other_edits(
    echo_type,
):
    assert "echo" in registry.codes()
    assert question_type("echo") is EchoQuestion
    row = AttemptQuestion(slot=3, question_type="echo", presentation={"size": 10})
    assert read_responses(rows=[row], data=_post(slots="3", q3="hi")) == {3: "HI"}
    [display] = preview_displays([EchoQuestion()], rng=random.Random(0))
    assert display.input_template == echo_type.template
    assert display.widgets == {"size": 10, "said": ""}
    assert not display.has_hint
    assert quick_answers_to_data("echo", "\n  bonjour \n") == {"said": "bonjour"}


def test_an_unregistered_type_is_gone_everywhere(echo_type):
    registry.unregister("echo")
    with pytest.raises(UnknownQuestionType):
        question_type("echo")
    assert EchoQuestion not in question_types()


def test_quick_answers_still_refuse_an_empty_box():
    with pytest.raises(ValidationError):
        quick_answers_to_data("ordering", "  \n ")
