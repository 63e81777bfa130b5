"""The kept grade: which submitted attempts count, and whether the grade passes.

A learner may take a quiz several times; the quiz's grading method says
what counts (Moodle's "grading method"): the highest attempt, the first, the
last, or the average of them all. This module is the only place that says
so. Everything else (the quiz's own pages, a course's completion rule, the
managers' reports) asks it, in one of two forms built from the same
definition, :data:`KEPT_ORDER` and :data:`AVERAGED`:

* :func:`kept_grade` over attempts already in memory (the learner's pages);
* :func:`kept_grade_expressions` as SQL over a queryset of attempts,
  per row of an outer query (the reports), with the method and pass mark
  either known or read from the outer row.

``tests/quizzes/test_grades.py`` drives both over the same table of attempt
sequences and asserts they agree.

Which attempts are candidates (the learner's submitted ones, at any
translation of the quiz, since a course cycle began…) is the caller's
choice; this module decides only among them. One exclusion is its own: an
attempt **awaiting grading** (an essay no person has graded yet) counts
neither as a pass nor as a fail, so both forms leave it out
(:func:`is_counted`, and ``exclude(state=AWAITING_GRADING)`` in SQL).
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import (
    Avg,
    BooleanField,
    Case,
    DecimalField,
    Exists,
    Expression,
    F,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.db.models.lookups import Exact, GreaterThanOrEqual

from quizzes.models import AttemptState, GradingMethod

ASC, DESC = "asc", "desc"

#: The attempt kept by each ordered method: the first in this order. Missing
#: values (an ungraded score) sort last either way.
KEPT_ORDER: dict[str, tuple[tuple[str, str], ...]] = {
    GradingMethod.HIGHEST: (
        ("score_percent", DESC),
        ("submitted_at", ASC),
        ("pk", ASC),
    ),
    GradingMethod.FIRST: (("submitted_at", ASC), ("pk", ASC)),
    GradingMethod.LAST: (("submitted_at", DESC), ("pk", DESC)),
}
#: Methods whose grade is the mean score of the candidates, passed when it
#: reaches the quiz's pass mark (no single attempt is kept).
AVERAGED = frozenset({GradingMethod.AVERAGE})

_SCORE = DecimalField(max_digits=5, decimal_places=2)


@dataclass(frozen=True)
class KeptGrade:
    """The grade that counts: its score, whether it passes, and where it comes from.

    ``attempt`` is the kept attempt for the ordered methods, None for the
    average. ``submitted_at`` is the kept attempt's, or for the average the
    latest counted submission (when the grade last changed). ``awaiting``:
    some candidate awaits a person's grading; when none is counted yet the
    grade is empty (no score, not passed, ``attempts_counted`` 0).
    """

    score_percent: Decimal | None
    passed: bool
    submitted_at: datetime.datetime | None
    attempt: object | None = None
    attempts_counted: int = 1
    awaiting: bool = False


def _compare(first, second, order) -> int:
    for name, direction in order:
        a, b = getattr(first, name), getattr(second, name)
        if a == b:
            continue
        if a is None or b is None:  # missing values last, in either direction
            return 1 if a is None else -1
        smaller = -1 if a < b else 1
        return smaller if direction == ASC else -smaller
    return 0


def _mean(scores: Sequence[Decimal]) -> Decimal:
    return (sum(scores, Decimal(0)) / len(scores)).quantize(Decimal("0.01"))


def is_counted(attempt) -> bool:
    """Whether a candidate counts: not while it awaits a person's grading.

    Candidates without a ``state`` (plain rows read as graded) count.
    """
    return getattr(attempt, "state", None) != AttemptState.AWAITING_GRADING


def kept_grade(attempts: Iterable, *, method: str, pass_mark: int) -> KeptGrade | None:
    """The kept grade among ``attempts`` (submitted, loaded), or None if none.

    ``attempts`` need ``pk``, ``submitted_at``, ``score_percent`` and
    ``passed`` (and ``state``, to leave out those awaiting grading). An
    ordered method keeps one attempt, which passes as it was graded; the
    average passes when the mean of the graded scores reaches ``pass_mark``.
    None without candidates; an empty grade (``awaiting``) when every
    candidate awaits grading.
    """
    candidates = list(attempts)
    attempts = [attempt for attempt in candidates if is_counted(attempt)]
    awaiting = len(attempts) < len(candidates)
    if not candidates:
        return None
    if not attempts:
        return KeptGrade(
            score_percent=None,
            passed=False,
            submitted_at=None,
            attempts_counted=0,
            awaiting=True,
        )
    if method in AVERAGED:
        scores = [a.score_percent for a in attempts if a.score_percent is not None]
        score = _mean(scores) if scores else None
        return KeptGrade(
            score_percent=score,
            passed=score is not None and score >= pass_mark,
            submitted_at=max(a.submitted_at for a in attempts),
            attempts_counted=len(attempts),
            awaiting=awaiting,
        )
    order = KEPT_ORDER[method]
    kept = min(attempts, key=functools.cmp_to_key(lambda a, b: _compare(a, b, order)))
    return KeptGrade(
        score_percent=kept.score_percent,
        passed=bool(kept.passed),
        submitted_at=kept.submitted_at,
        attempt=kept,
        awaiting=awaiting,
    )


def kept_ordering(method: str) -> list:
    """``order_by()`` arguments that put the kept attempt of ``method`` first."""
    return [
        F(name).asc(nulls_last=True)
        if direction == ASC
        else F(name).desc(nulls_last=True)
        for name, direction in KEPT_ORDER[method]
    ]


def _per_method(method, build, output_field) -> Expression:
    """``build(m)`` for a known method, else a CASE over the method's column."""
    if isinstance(method, str):
        return build(method)
    return Case(
        *(When(Exact(method, Value(m)), then=build(m)) for m in GradingMethod.values),
        default=Value(None),
        output_field=output_field,
    )


def kept_grade_expressions(
    attempts: QuerySet, *, method, pass_mark, group_by: str = "learner_id"
) -> dict[str, Expression]:
    """``{"kept_score": …, "kept_passed": …, "kept_awaiting": …}`` as SQL per row.

    ``attempts`` is the candidates as a correlated queryset (``OuterRef`` to
    the outer row: the enrolment's learner, quiz and cycle start, say).
    ``method`` and ``pass_mark`` are values, or expressions over the outer
    row (``F("course__final_quiz__grading_method")``). ``group_by`` is a
    column equal on every candidate (the learner), for the average's
    aggregate. ``kept_passed`` is False where there is no candidate; one
    subquery per row and figure, whichever the method. Attempts awaiting
    grading are left out, as :func:`is_counted` does; ``kept_awaiting`` says
    whether any candidate awaits grading (``KeptGrade.awaiting``).
    """
    awaiting = Exists(attempts.order_by().filter(state=AttemptState.AWAITING_GRADING))
    attempts = attempts.exclude(state=AttemptState.AWAITING_GRADING).order_by()

    def score(m):
        if m in AVERAGED:
            return Subquery(
                attempts.values(group_by)
                .annotate(mean=Avg("score_percent", output_field=_SCORE))
                .values("mean"),
                output_field=_SCORE,
            )
        return Subquery(
            attempts.order_by(*kept_ordering(m)).values("score_percent")[:1],
            output_field=_SCORE,
        )

    def passed(m):
        if m in AVERAGED:
            return Case(
                When(GreaterThanOrEqual(score(m), pass_mark), then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            )
        return Coalesce(
            Subquery(
                attempts.order_by(*kept_ordering(m)).values("passed")[:1],
                output_field=BooleanField(),
            ),
            Value(False),
        )

    return {
        "kept_score": _per_method(method, score, _SCORE),
        "kept_passed": Coalesce(
            _per_method(method, passed, BooleanField()), Value(False)
        ),
        "kept_awaiting": awaiting,
    }


__all__ = [
    "AVERAGED",
    "KEPT_ORDER",
    "KeptGrade",
    "is_counted",
    "kept_grade",
    "kept_grade_expressions",
    "kept_ordering",
]
