"""Item analysis, option by option: who chose what, upper group against lower.

Beside each question's figures, the trainer sees one table: how many learners
of the upper and lower groups (the very groups of the discrimination index)
and of everyone chose each option, with the right option marked. What a "row"
is depends on the question type, so each type this module knows has an entry
in ``OPTION_ANALYSES`` (type code → ``OptionAnalysis``), the way
``wagtail.contrib.forms`` dispatches per field type:

* single choice, multiple response, true/false: every option as served, chosen
  or not, then any option an older version of the question had;
* matching: per pair, the right match first, then the wrong matches chosen;
* ordering: per position, how many put the right item there;
* short text and numeric: the answers given (as graded, so grouped the way
  grading compares them), most frequent first, the rest summed up.

A type with no entry (a new one, e.g. essays) simply gets no table.

Which option is right is never re-derived here: an option's row asks the
served question's own ``grade()`` (pure, no query) what it records for that
option, so the mark agrees with the ``ResponseSelection`` rows grading wrote.

Queries: two per quiz whatever the number of questions or attempts, one for
the counts (grouped in SQL) and one for the latest snapshot of each question.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db.models import Count, Max, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from quizzes.models import (
    AttemptQuestion,
    MatchingQuestion,
    MultipleResponseQuestion,
    NumericQuestion,
    OrderingQuestion,
    Question,
    ResponseSelection,
    ShortTextQuestion,
    SingleChoiceQuestion,
    TrueFalseQuestion,
)

#: Distinct text answers listed one by one; the rest share an "other" row.
TEXT_ANSWERS_SHOWN = 10

OTHER_ANSWERS = _("Other answers (%(count)s)")


@dataclass(frozen=True)
class OptionCount:
    """How often one recorded selection was made, by group (from SQL)."""

    option_id: str
    label: str
    is_correct: bool
    upper: int
    lower: int
    total: int


@dataclass(frozen=True)
class OptionRow:
    """One row of a question's option table.

    ``is_correct`` is None for a row that mixes right and wrong answers (the
    "other answers" of a text question). ``group`` names the pair a matching
    row belongs to, and is empty otherwise.
    """

    label: str
    is_correct: bool | None
    upper: int = 0
    lower: int = 0
    total: int = 0
    group: str = ""


@dataclass(frozen=True)
class OptionTable:
    """A question's option table: its rows and what its columns mean."""

    analysis: OptionAnalysis
    rows: list[OptionRow] = field(default_factory=list)

    @property
    def heading(self):
        return self.analysis.heading

    @property
    def explanation(self):
        return self.analysis.explanation

    def as_text(self) -> str:
        """One line for the spreadsheet export: "✓ label 3/1/9; label 0/2/4"."""
        return "; ".join(
            "{mark}{group}{label} {upper}/{lower}/{total}".format(
                mark="✓ " if row.is_correct else "",
                group=f"{row.group}: " if row.group else "",
                label=row.label,
                upper=row.upper,
                lower=row.lower,
                total=row.total,
            )
            for row in self.rows
        )


#: build(served question, counts) -> rows, in the order the table shows them.
RowBuilder = Callable[[Question, list[OptionCount]], list[OptionRow]]


@dataclass(frozen=True)
class OptionAnalysis:
    """How one question type's option table is built and headed."""

    build: RowBuilder
    #: The first column's header ("Option", "Position", "Answer given"...).
    heading: str
    #: One sentence saying what the counts are (the table's caption ends with it).
    explanation: str


def _row(count: OptionCount, *, label=None, group="") -> OptionRow:
    return OptionRow(
        label=count.label if label is None else label,
        is_correct=count.is_correct,
        upper=count.upper,
        lower=count.lower,
        total=count.total,
        group=group,
    )


def _summed(label, is_correct, counts: Iterable[OptionCount], group="") -> OptionRow:
    counts = list(counts)
    return OptionRow(
        label=label,
        is_correct=is_correct,
        upper=sum(c.upper for c in counts),
        lower=sum(c.lower for c in counts),
        total=sum(c.total for c in counts),
        group=group,
    )


def _by_option(counts: list[OptionCount]) -> dict[str, list[OptionCount]]:
    by_id: dict[str, list[OptionCount]] = defaultdict(list)
    for count in counts:
        by_id[count.option_id].append(count)
    return by_id


def choice_rows(response_for: Callable[[str], object]) -> RowBuilder:
    """Rows of a choice-family type: every served option, then older ones.

    ``response_for(option_id)`` is the response choosing that option alone;
    grading it gives the option's recorded label and whether it is right.
    """

    def build(question, counts):
        by_id = _by_option(counts)
        rows = []
        for option in question.presented_options():
            [selection] = question.grade(response_for(option["id"])).selections
            rows.append(
                _summed(
                    selection.label,
                    selection.is_correct,
                    by_id.pop(selection.option_id, []),
                )
            )
        return rows + [_row(c) for group in by_id.values() for c in group]

    return build


def matching_rows(question, counts):
    """Per pair: the right match (chosen or not), then wrong matches chosen."""
    by_id = _by_option(counts)
    presented = question.present(random.Random(0), shuffle=False)
    rows = []
    for prompt in presented["prompts"]:
        right, wrong = [], []
        for option in presented["options"]:
            [selection] = question.grade({prompt["id"]: option["id"]}).selections
            chosen = by_id.pop(selection.option_id, [])
            if selection.is_correct:
                right.append(
                    _summed(option["text"], True, chosen, group=prompt["text"])
                )
            elif chosen:
                wrong.append(_summed(option["text"], False, chosen, prompt["text"]))
        wrong.sort(key=lambda row: (-row.total, row.label))
        rows += right + wrong
    # Pairs an older version of the question had: their recorded labels.
    return rows + [_row(c) for group in by_id.values() for c in group]


def ordering_rows(question, counts):
    """Per position: how many put the right item there (and who)."""
    right_at: dict[int, list[OptionCount]] = defaultdict(list)
    for count in counts:
        _key, _at, position = count.option_id.rpartition("@")
        if count.is_correct and position.isdigit():
            right_at[int(position)].append(count)
    text = {
        item["id"]: item["text"] for item in question.present(random.Random(0))["items"]
    }
    return [
        _summed(f"{position}. {text.get(key, '')}", True, right_at[position])
        for position, key in enumerate(question.key_response(), start=1)
    ]


def text_rows(question, counts):
    """The answers given, as graded, most frequent first; the rest summed."""
    merged: dict[tuple[str, bool], list[OptionCount]] = defaultdict(list)
    for count in counts:
        merged[(count.label, count.is_correct)].append(count)
    rows = sorted(
        (_summed(label, correct, group) for (label, correct), group in merged.items()),
        key=lambda row: (-row.total, row.label),
    )
    shown, rest = rows[:TEXT_ANSWERS_SHOWN], rows[TEXT_ANSWERS_SHOWN:]
    if rest:
        label = OTHER_ANSWERS % {"count": len(rest)}
        correct = {row.is_correct for row in rest}
        shown.append(
            OptionRow(
                label=label,
                is_correct=correct.pop() if len(correct) == 1 else None,
                upper=sum(row.upper for row in rest),
                lower=sum(row.lower for row in rest),
                total=sum(row.total for row in rest),
            )
        )
    return shown


CHOSE = _("How many learners chose each option.")
OPTION = _("Option")
GAVE = _("How many learners gave each answer, as grading read it.")
ANSWER = _("Answer given")

#: type code → how its option table is built. A type absent here has none.
OPTION_ANALYSES: dict[str, OptionAnalysis] = {
    SingleChoiceQuestion.type_code: OptionAnalysis(
        choice_rows(lambda option_id: option_id), OPTION, CHOSE
    ),
    MultipleResponseQuestion.type_code: OptionAnalysis(
        choice_rows(lambda option_id: [option_id]), OPTION, CHOSE
    ),
    TrueFalseQuestion.type_code: OptionAnalysis(
        choice_rows(lambda option_id: option_id == "true"), OPTION, CHOSE
    ),
    MatchingQuestion.type_code: OptionAnalysis(
        matching_rows,
        _("Pair and match chosen"),
        _("How many learners chose each match, per pair; the right match first."),
    ),
    OrderingQuestion.type_code: OptionAnalysis(
        ordering_rows,
        _("Position and right item"),
        _("How many learners put the right item in each position."),
    ),
    ShortTextQuestion.type_code: OptionAnalysis(text_rows, ANSWER, GAVE),
    NumericQuestion.type_code: OptionAnalysis(text_rows, ANSWER, GAVE),
}


def option_counts(
    attempts: QuerySet, *, upper_q: Q | None, lower_q: Q | None
) -> dict[int, list[OptionCount]]:
    """Each question's selections counted in SQL, by option and group (1 query).

    ``upper_q`` / ``lower_q`` select the groups' attempts (prefix
    ``attempt_question__attempt__``); without groups their counts are 0.
    """
    groups = {"total": Count("pk")}
    if upper_q is not None:
        groups["upper"] = Count("pk", filter=upper_q)
        groups["lower"] = Count("pk", filter=lower_q)
    rows = (
        ResponseSelection.objects.filter(
            attempt_question__attempt__in=attempts,
            attempt_question__question__isnull=False,
        )
        .values("attempt_question__question_id", "option_id", "label", "is_correct")
        .annotate(**groups)
        .order_by("attempt_question__question_id", "option_id", "label")
    )
    counts: dict[int, list[OptionCount]] = defaultdict(list)
    for row in rows:
        counts[row["attempt_question__question_id"]].append(
            OptionCount(
                option_id=row["option_id"],
                label=row["label"],
                is_correct=row["is_correct"],
                upper=row.get("upper", 0),
                lower=row.get("lower", 0),
                total=row["total"],
            )
        )
    return counts


def served_questions(attempts: QuerySet) -> dict[int, dict]:
    """Each question's snapshot as most recently served in ``attempts`` (1 query)."""
    latest = (
        AttemptQuestion.objects.filter(attempt__in=attempts, question__isnull=False)
        .values("question_id")
        .annotate(last=Max("pk"))
        .values("last")
    )
    return dict(
        AttemptQuestion.objects.filter(pk__in=latest).values_list(
            "question_id", "snapshot"
        )
    )


def option_tables(
    attempts: QuerySet, counts: dict[int, list[OptionCount]]
) -> dict[int, OptionTable]:
    """question id → its option table, for every question of a known type.

    ``counts`` come from ``option_counts`` over the same attempts.
    """
    tables = {}
    for question_id, snapshot in served_questions(attempts).items():
        analysis = OPTION_ANALYSES.get(snapshot.get("type"))
        if analysis is None:
            continue
        question = Question.from_snapshot(snapshot)
        rows = analysis.build(question, counts.get(question_id, []))
        tables[question_id] = OptionTable(analysis=analysis, rows=rows)
    return tables


def most_chosen_wrong(counts: list[OptionCount]) -> tuple[str | None, int]:
    """The wrong option (or text) chosen most often, and how often."""
    totals: dict[tuple[str, str], int] = defaultdict(int)
    for count in counts:
        if not count.is_correct:
            totals[(count.option_id, count.label)] += count.total
    if not totals:
        return None, 0
    (_option, label), total = min(
        totals.items(), key=lambda item: (-item[1], item[0][1])
    )
    return label, total
