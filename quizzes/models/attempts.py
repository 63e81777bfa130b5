"""Attempts: what one learner was shown, what they answered, and the score.

An attempt copies everything it needs when it starts (``AttemptQuestion``
snapshots), so later edits and deletions of questions change nothing. Only
the services in ``quizzes.services`` write these rows.
"""

from datetime import timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from .questions import Question
from .quiz import Quiz

# Requests reaching the server this long after the deadline still count: the
# learner pressed the button in time and the network was slow.
DEADLINE_GRACE = timedelta(seconds=30)


class AttemptState(models.TextChoices):
    IN_PROGRESS = "in_progress", _("In progress")
    SUBMITTED = "submitted", _("Submitted")
    #: Submitted, with an answer only a person can grade (an essay): neither
    #: passed nor failed until a grader has graded every such answer.
    AWAITING_GRADING = "awaiting_grading", _("Awaiting grading")


#: The states of an attempt the learner can no longer change.
CLOSED_STATES = (AttemptState.SUBMITTED, AttemptState.AWAITING_GRADING)


class QuizAttempt(models.Model):
    """One learner's attempt at a quiz: in progress, then submitted for good.

    ``sequence`` counts saves; a page carries the value it was rendered
    with, and a save from an older page is refused as out of sequence. A
    grader's screen carries it too (``quizzes.services.grading``).
    ``grading_locked_by`` / ``grading_locked_until``: the grader who claimed an
    attempt awaiting grading, until when; nobody else may grade it meanwhile.
    """

    quiz = models.ForeignKey(
        Quiz, verbose_name=_("quiz"), on_delete=models.PROTECT, related_name="attempts"
    )
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="quiz_attempts",
    )
    number = models.PositiveSmallIntegerField(
        _("attempt"), validators=[MinValueValidator(1)]
    )
    state = models.CharField(
        _("state"),
        max_length=20,
        choices=AttemptState.choices,
        default=AttemptState.IN_PROGRESS,
    )
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    deadline = models.DateTimeField(_("deadline"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    timed_out = models.BooleanField(_("closed by the time limit"), default=False)
    sequence = models.PositiveIntegerField(_("saves"), default=0)
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"), validators=[MaxValueValidator(100)]
    )
    points = models.DecimalField(
        _("points"), max_digits=9, decimal_places=2, null=True, blank=True
    )
    max_points = models.DecimalField(
        _("out of"), max_digits=9, decimal_places=2, default=0
    )
    score_percent = models.DecimalField(
        _("score (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    passed = models.BooleanField(_("passed"), default=False)
    grading_locked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("being graded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    grading_locked_until = models.DateTimeField(
        _("grading lock expires"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("quiz attempt")
        verbose_name_plural = _("quiz attempts")
        permissions = [("grade_attempt", _("Can grade answers such as essays"))]
        ordering = ["quiz_id", "learner_id", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["quiz", "learner", "number"],
                name="quizzes_attempt_unique_number",
            ),
        ]
        indexes = [
            models.Index(fields=["learner", "state"], name="quizzes_attempt_learner")
        ]

    def __str__(self):
        return _("%(quiz)s · %(learner)s · attempt %(number)s") % {
            "quiz": self.quiz,
            "learner": self.learner,
            "number": self.number,
        }

    @property
    def is_submitted(self) -> bool:
        """Closed for the learner: graded, or awaiting a person's grading."""
        return self.state in CLOSED_STATES

    @property
    def is_awaiting_grading(self) -> bool:
        """Submitted, and neither passed nor failed until a person grades it."""
        return self.state == AttemptState.AWAITING_GRADING

    def grading_lock_holder(self, now=None):
        """The grader holding this attempt's unexpired lock, else None."""
        if self.grading_locked_until is None or self.grading_locked_by_id is None:
            return None
        if (now or timezone.now()) >= self.grading_locked_until:
            return None
        return self.grading_locked_by

    @property
    def is_in_progress(self) -> bool:
        return self.state == AttemptState.IN_PROGRESS

    def is_past_deadline(self, now=None) -> bool:
        return self.deadline is not None and (now or timezone.now()) > self.deadline

    def is_past_grace(self, now=None) -> bool:
        """True once even a slow request can no longer count as on time."""
        return self.deadline is not None and (now or timezone.now()) > (
            self.deadline + DEADLINE_GRACE
        )

    def seconds_left(self, now=None) -> int | None:
        if self.deadline is None:
            return None
        return max(0, int((self.deadline - (now or timezone.now())).total_seconds()))


class AttemptQuestion(models.Model):
    """One question as served in one attempt, and the learner's answer to it.

    ``snapshot`` holds the content *and the key* as served, and never leaves
    the server before review; ``presentation`` is exactly what the learner
    saw (order of choices, items, pairs) with no key. A regrade may set
    ``regrade_snapshot`` from the current question; grading then uses it.
    """

    attempt = models.ForeignKey(
        QuizAttempt, on_delete=models.CASCADE, related_name="attempt_questions"
    )
    slot = models.PositiveSmallIntegerField(
        _("number"), validators=[MinValueValidator(1)]
    )
    question = models.ForeignKey(
        Question,
        verbose_name=_("question"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="attempt_questions",
    )
    question_type = models.CharField(_("type"), max_length=40)
    snapshot = models.JSONField(_("question as served"))
    presentation = models.JSONField(_("what the learner saw"))
    regrade_snapshot = models.JSONField(
        _("key used by the last regrade"), null=True, blank=True
    )
    max_points = models.DecimalField(_("out of"), max_digits=6, decimal_places=2)
    response = models.JSONField(_("response"), null=True, blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    checked_at = models.DateTimeField(
        _("checked"),
        null=True,
        blank=True,
        help_text=_(
            "Set when feedback was shown during the attempt; the answer is then locked."
        ),
    )
    fraction = models.DecimalField(
        _("fraction"), max_digits=5, decimal_places=4, null=True, blank=True
    )
    points = models.DecimalField(
        _("points"), max_digits=6, decimal_places=2, null=True, blank=True
    )
    feedback = models.TextField(_("feedback"), blank=True)
    needs_person = models.BooleanField(_("awaiting grading"), default=False)
    person_grade = models.JSONField(_("grader's decision"), null=True, blank=True)
    graded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("graded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    graded_at = models.DateTimeField(_("graded"), null=True, blank=True)

    class Meta:
        verbose_name = _("attempt question")
        verbose_name_plural = _("attempt questions")
        ordering = ["attempt_id", "slot"]
        constraints = [
            models.UniqueConstraint(
                fields=["attempt", "slot"], name="quizzes_attemptquestion_unique_slot"
            ),
        ]

    def __str__(self):
        return f"{self.attempt_id} · {self.slot}"

    @property
    def is_answered(self) -> bool:
        return self.response is not None

    @property
    def is_locked(self) -> bool:
        return self.checked_at is not None

    @property
    def grading_snapshot(self) -> dict:
        return self.regrade_snapshot or self.snapshot

    @cached_property
    def served_question(self) -> Question:
        """The question exactly as served (content and original key), unsaved."""
        return Question.from_snapshot(self.snapshot)

    @cached_property
    def grading_question(self) -> Question:
        """The question whose key grades this answer (after any regrade)."""
        return Question.from_snapshot(self.grading_snapshot)


class ResponseSelection(models.Model):
    """One option, item placement or pair a learner chose, once graded.

    Written at submission and rewritten by a regrade. Item analysis reads
    these with plain queries, e.g. the most-chosen wrong option of a question:
    ``ResponseSelection.objects.filter(attempt_question__question=q,
    is_correct=False).values("option_id", "label").annotate(n=Count("id"))``.
    """

    attempt_question = models.ForeignKey(
        AttemptQuestion, on_delete=models.CASCADE, related_name="selections"
    )
    option_id = models.CharField(_("option"), max_length=64, blank=True, db_index=True)
    label = models.CharField(_("label"), max_length=255)
    is_correct = models.BooleanField(_("correct"))

    class Meta:
        verbose_name = _("response selection")
        verbose_name_plural = _("response selections")

    def __str__(self):
        return self.label
