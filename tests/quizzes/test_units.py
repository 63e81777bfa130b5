"""Units after a numeric answer: the question's unit, its short forms, nothing else."""

from decimal import Decimal

import pytest

from quizzes.grading import NUMERIC_INVALID, InvalidResponse, parse_number
from quizzes.question_types.numeric import NumericQuestion
from quizzes.units import is_unit, normalise_unit, unit_forms

PER_DAY = "minutes par jour"


@pytest.mark.parametrize(
    "typed",
    [
        "20",
        "20 minutes par jour",
        "20 Minutes Par Jour",
        "20minutes par jour",
        "20 minute par jour",
        "20 min/jour",
        "20 min / jour",
        "20 min/j",
        "20 minutes/jour",
        "20 mn/jour",
        "20 min par jour",
        "20,0 min/jour",
        "20.0\u00a0min/jour",
    ],
)
def test_a_number_with_the_unit_or_a_short_form_reads_as_the_number(typed):
    assert parse_number(typed, unit=PER_DAY) == Decimal(20)


@pytest.mark.parametrize(
    "typed",
    [
        "20 minutes par semaine",
        "20 heures par jour",
        "20 min/h",
        "20 min jour",  # "par" may become "/", not disappear
        "20 kg",
        "20 minutes par jour environ",
        "20 ± 1",
        "20e3",
        "vingt minutes",
        "min/jour",
        "20 min/jour 5",
    ],
)
def test_anything_else_after_the_number_is_not_a_number(typed):
    with pytest.raises(InvalidResponse) as error:
        parse_number(typed, unit=PER_DAY)
    assert error.value.args[0] == NUMERIC_INVALID


@pytest.mark.parametrize(
    ("unit", "typed"),
    [
        ("minutes", "20 min"),
        ("minutes", "20 mn"),
        ("minutes", "20 minute"),
        ("minutes", "20 MINUTES"),
        ("heures", "20 h"),
        ("heures", "20h"),
        ("jours", "20 j"),
        ("%", "20 %"),
        ("%", "20%"),
        ("%", "20 pourcent"),
        ("%", "20 pour cent"),
        ("pourcent", "20 %"),
        ("minutes per day", "20 min/day"),
        ("minutes per day", "20 min/d"),
        ("hours", "20 h"),
        ("années", "20 annees"),
        ("années", "20 ans"),
        ("années", "20 Années"),
        ("km/h", "20 kilometres par heure"),
    ],
)
def test_short_forms_from_the_table(unit, typed):
    assert parse_number(typed, unit=unit) == Decimal(20)


@pytest.mark.parametrize(
    ("unit", "typed"),
    [
        ("", "20 min"),  # no unit: nothing may follow the number
        ("minutes", "20 h"),
        ("heures", "20 min"),
        ("%", "20 min"),
    ],
)
def test_another_unit_is_refused(unit, typed):
    with pytest.raises(InvalidResponse):
        parse_number(typed, unit=unit)


def test_forms_are_built_from_the_words_by_the_rule():
    forms = unit_forms(PER_DAY)
    assert {"minutes par jour", "minute par jour", "min/jour", "min/j"} <= forms
    assert {"mn/jour", "minutes/jour", "min par j"} <= forms
    assert unit_forms("") == frozenset()


def test_a_long_unit_is_only_accepted_as_written_or_singular():
    unit = "litres de lait par vache et par jour"
    assert unit_forms(unit) == {unit, "litre de lait par vache et par jour"}


def test_normalise_unit_ignores_case_accents_and_spaces_around_the_slash():
    assert normalise_unit("  Mètres  /  Seconde ") == "metres/seconde"
    assert is_unit("MIN / J", PER_DAY)
    assert not is_unit("min/", PER_DAY)


def test_the_numeric_type_reads_and_grades_a_number_with_its_unit():
    question = NumericQuestion(answer=Decimal(20), tolerance=Decimal(0), unit=PER_DAY)
    assert NumericQuestion.read_form(
        question.present(None), _Form({"q1": ["20 min/jour"]}), "q1"
    ) == ("20 min/jour")
    grade = question.grade("20 min/jour")
    assert grade.fraction == 1 and grade.selections[0].label == "20"
    with pytest.raises(InvalidResponse):
        question.clean_response("20 min/semaine")


class _Form(dict):
    """The ``getlist`` of a QueryDict, without a request."""

    def getlist(self, name):
        return self.get(name, [])
