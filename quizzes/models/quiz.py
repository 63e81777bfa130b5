"""The quiz: its settings, its ordered questions, and per-learner extra time."""

import random
from decimal import Decimal

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import RichTextField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
)
from wagtail.search import index

from .questions import QUESTION_RICH_TEXT_FEATURES, Question


class GradingMethod(models.TextChoices):
    """Which of a learner's attempts counts (``quizzes.grades`` says how)."""

    HIGHEST = "highest", _("Highest attempt")
    LAST = "last", _("Last attempt")
    FIRST = "first", _("First attempt")
    AVERAGE = "average", _("Average of all attempts")


class FeedbackPolicy(models.TextChoices):
    AFTER_EACH = "after_each", _("After each question (the answer is then locked)")
    AFTER_SUBMISSION = "after_submission", _("After the quiz is submitted")
    NEVER = "never", _("Never")


class ReviewPolicy(models.TextChoices):
    AFTER_SUBMISSION = "after_submission", _("After each submitted attempt")
    AFTER_PASSING = "after_passing", _("Once the learner has passed")
    NEVER = "never", _("Never")


class QuestionsPerPage(models.TextChoices):
    ALL = "all", _("All questions on one page")
    ONE = "one", _("One question per page")


class Quiz(
    PreviewableMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    TranslatableMixin,
    index.Indexed,
    ClusterableModel,
):
    """A graded quiz, authored as a snippet with drafts and revisions.

    Learners only ever take the published row (``live``); drafts live in
    revisions until published, like pages. Courses attach quizzes; this app
    knows nothing of courses.
    """

    title = models.CharField(_("title"), max_length=255)
    instructions = RichTextField(
        _("instructions"),
        blank=True,
        features=QUESTION_RICH_TEXT_FEATURES,
        help_text=_("Shown on the start page: what the quiz covers and how it works."),
    )
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"),
        default=80,
        validators=[MaxValueValidator(100)],
        help_text=_("The score, in percent, a learner needs to pass."),
    )
    max_attempts = models.PositiveSmallIntegerField(
        _("maximum attempts"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Leave blank for unlimited attempts."),
    )
    grading_method = models.CharField(
        _("grade kept"),
        max_length=20,
        choices=GradingMethod.choices,
        default=GradingMethod.HIGHEST,
        help_text=_(
            "Which attempt counts when a learner takes the quiz several times."
        ),
    )
    time_limit_minutes = models.PositiveSmallIntegerField(
        _("time limit (minutes)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(24 * 60)],
        help_text=_(
            "Leave blank for no time limit. Give individual learners extra time "
            "under Quizzes › Extra time."
        ),
    )
    shuffle_questions = models.BooleanField(
        _("shuffle questions"),
        default=False,
        help_text=_("Each attempt shows the questions in a different order."),
    )
    shuffle_choices = models.BooleanField(
        _("shuffle choices"),
        default=False,
        help_text=_(
            "Each attempt shows choices in a different order. Ordering and "
            "matching items are always shuffled."
        ),
    )
    draw_count = models.PositiveSmallIntegerField(
        _("questions drawn per attempt"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_(
            "Draw this many questions at random from the list below for each "
            "attempt. Leave blank to ask them all."
        ),
    )
    questions_per_page = models.CharField(
        _("layout"),
        max_length=10,
        choices=QuestionsPerPage.choices,
        default=QuestionsPerPage.ALL,
    )
    feedback_policy = models.CharField(
        _("feedback"),
        max_length=20,
        choices=FeedbackPolicy.choices,
        default=FeedbackPolicy.AFTER_SUBMISSION,
        help_text=_(
            "When learners see the feedback written for the answers they chose."
        ),
    )
    review_marks = models.CharField(
        _("show marks"),
        max_length=20,
        choices=ReviewPolicy.choices,
        default=ReviewPolicy.AFTER_SUBMISSION,
        help_text=_("When learners see which questions they got right."),
    )
    review_correct_answers = models.CharField(
        _("show correct answers"),
        max_length=20,
        choices=ReviewPolicy.choices,
        default=ReviewPolicy.AFTER_SUBMISSION,
    )
    review_explanations = models.CharField(
        _("show explanations"),
        max_length=20,
        choices=ReviewPolicy.choices,
        default=ReviewPolicy.AFTER_SUBMISSION,
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    # Lets revisions be deleted with the quiz (Wagtail's advice for snippets).
    revisions = GenericRelation(
        "wagtailcore.Revision",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="quiz",
        for_concrete_model=False,
    )

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("title"),
                    FieldPanel("instructions"),
                    InlinePanel(
                        "quiz_questions",
                        heading=_("Questions"),
                        label=_("Question"),
                        min_num=1,
                        help_text=_(
                            "Choose existing questions or create one from the chooser. "
                            "Drag, or use the arrows, to reorder."
                        ),
                    ),
                ],
                heading=_("Content"),
            ),
            ObjectList(
                [
                    FieldRowPanel(
                        [FieldPanel("pass_mark"), FieldPanel("grading_method")]
                    ),
                    FieldRowPanel(
                        [FieldPanel("max_attempts"), FieldPanel("time_limit_minutes")]
                    ),
                    MultiFieldPanel(
                        [
                            FieldPanel("questions_per_page"),
                            FieldPanel("shuffle_questions"),
                            FieldPanel("shuffle_choices"),
                            FieldPanel("draw_count"),
                        ],
                        heading=_("Presentation"),
                    ),
                    MultiFieldPanel(
                        [
                            FieldPanel("feedback_policy"),
                            FieldPanel("review_marks"),
                            FieldPanel("review_correct_answers"),
                            FieldPanel("review_explanations"),
                        ],
                        heading=_("Feedback and review"),
                    ),
                    HelpPanel(
                        content=_(
                            "Attempts already started keep the questions and settings "
                            "they were given; changes apply to new attempts."
                        )
                    ),
                ],
                heading=_("Settings"),
            ),
        ]
    )
    search_fields = [
        index.SearchField("title"),
        index.AutocompleteField("title"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("quiz")
        verbose_name_plural = _("quizzes")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("quizzes:detail", kwargs={"quiz_id": self.pk})

    @property
    def is_timed(self) -> bool:
        return bool(self.time_limit_minutes)

    @property
    def asks_one_per_page(self) -> bool:
        return self.questions_per_page == QuestionsPerPage.ONE

    @property
    def gives_feedback_per_question(self) -> bool:
        return self.feedback_policy == FeedbackPolicy.AFTER_EACH

    def copy_for_translation(self, locale, exclude_fields=None):
        """Copy the quiz and point it at questions in ``locale``.

        Questions are translatable too, so an English quiz has English
        questions: existing translations are reused, missing ones are copied
        (and saved) from the source question.
        """
        translated = super().copy_for_translation(locale, exclude_fields=exclude_fields)
        for quiz_question in translated.quiz_questions.all():
            source = quiz_question.question
            target = source.get_translation_or_none(locale)
            if target is None:
                target = source.copy_for_translation(locale)
                target.save()
            quiz_question.question = target
        return translated

    # -- Preview: the quiz as a learner sees it, without keys --------------------

    def get_preview_template(self, request, mode_name):
        return "quizzes/quiz_preview.html"

    def get_preview_context(self, request, mode_name):
        # quizzes.display reads these models: imported here, not at the top,
        # to break that cycle (display -> models -> display).
        from quizzes.display import preview_displays

        context = super().get_preview_context(request, mode_name)
        questions = [
            quiz_question.question
            for quiz_question in self.quiz_questions.all()
            if quiz_question.question_id
        ]
        context.update(
            quiz=self,
            page_title=self.title,
            questions=preview_displays(questions, rng=random.Random(0), quiz=self),
        )
        return context


class QuizQuestion(Orderable):
    """A question's place in a quiz. Questions in use cannot be deleted."""

    quiz = ParentalKey(Quiz, on_delete=models.CASCADE, related_name="quiz_questions")
    question = models.ForeignKey(
        Question,
        verbose_name=_("question"),
        on_delete=models.PROTECT,
        related_name="quiz_uses",
    )

    panels = [FieldPanel("question")]

    class Meta(Orderable.Meta):
        verbose_name = _("quiz question")
        verbose_name_plural = _("quiz questions")

    def __str__(self):
        return str(self.question) if self.question_id else ""


class QuizAccommodation(models.Model):
    """Extra time for one learner on one quiz (WCAG 2.2.1, Timing Adjustable).

    Applies to every translation of the quiz.
    """

    quiz = models.ForeignKey(
        Quiz,
        verbose_name=_("quiz"),
        on_delete=models.CASCADE,
        related_name="accommodations",
    )
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="quiz_accommodations",
    )
    time_multiplier = models.DecimalField(
        _("time multiplier"),
        max_digits=3,
        decimal_places=2,
        default=Decimal(1),
        validators=[MinValueValidator(Decimal(1)), MaxValueValidator(Decimal(5))],
        help_text=_("1.5 gives half as much time again; 2 doubles it."),
    )
    extra_minutes = models.PositiveSmallIntegerField(
        _("extra minutes"),
        default=0,
        validators=[MaxValueValidator(24 * 60)],
        help_text=_("Added after the multiplier."),
    )
    note = models.CharField(
        _("note"),
        max_length=255,
        blank=True,
        help_text=_("Why, for other trainers (no health details)."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    panels = [
        FieldPanel("quiz"),
        FieldPanel("learner"),
        FieldRowPanel([FieldPanel("time_multiplier"), FieldPanel("extra_minutes")]),
        FieldPanel("note"),
    ]

    class Meta:
        verbose_name = _("extra time")
        verbose_name_plural = _("extra time")
        constraints = [
            models.UniqueConstraint(
                fields=["quiz", "learner"], name="quizzes_accommodation_unique"
            )
        ]

    def __str__(self):
        return f"{self.learner} · {self.quiz}"

    def minutes_for(self, time_limit_minutes: int) -> Decimal:
        return Decimal(time_limit_minutes) * self.time_multiplier + self.extra_minutes
