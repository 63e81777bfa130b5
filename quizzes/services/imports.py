"""Import services: quizzes and questions from the neutral data format.

The demo loader (and any future importer) describes quizzes as plain dicts;
see ``quiz_import`` for the format. Questions go through the same validation
as in the admin.
"""

import uuid
from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.db import transaction
from wagtail.log_actions import log
from wagtail.models import Locale

from quizzes.models import Question, Quiz, QuizQuestion, plain_to_rich_text
from quizzes.question_types import registry

QUIZ_SETTINGS_IN_IMPORT = (
    "pass_mark",
    "max_attempts",
    "grading_method",
    "time_limit_minutes",
    "shuffle_questions",
    "shuffle_choices",
    "draw_count",
    "questions_per_page",
    "feedback_policy",
    "review_marks",
    "review_correct_answers",
    "review_explanations",
)


@transaction.atomic
def question_create_from_data(
    *,
    data: Mapping,
    locale: Locale,
    translation_key: uuid.UUID | None = None,
    bank: Mapping | None = None,
    user=None,
) -> Question:
    """Create one question, with its rows, from the neutral format.

    ``translation_key`` makes it a translation of an existing question.
    ``bank`` sets the question-bank fields (``name``, ``category``,
    ``idnumber``, ``content_hash``) of an imported file. Raises
    UnknownQuestionType (its message lists the valid types) or ValidationError.
    """
    entry = registry.get(data.get("type", ""))
    model = entry.model
    question = entry.importer(dict(data))
    for name, value in (bank or {}).items():
        setattr(question, name, value)
    question.locale = locale
    if translation_key:
        question.translation_key = translation_key
    question.full_clean()
    rows = {
        name: list(getattr(question, name).all())
        for name in model.child_relation_names()
    }
    if errors := model.validate_rows(question, rows):
        raise ValidationError(errors)
    for relation_rows in rows.values():
        for row in relation_rows:
            row.full_clean(exclude=["question"])
    question.save()
    log(instance=question, action="wagtail.create", user=user)
    return question


@transaction.atomic
def quiz_import(
    *, data: Mapping, locale: Locale | None = None, translation_of: Quiz | None = None
) -> Quiz:
    """Build and publish a quiz with its questions from the neutral format.

    Idempotent by title and locale (or by translation): if such a quiz
    exists it is returned unchanged, so the demo loader can run again. With
    ``translation_of``, the quiz and its questions (matched by position and
    type) become translations of that quiz's, so attempts and passes count
    across both languages. The format::

        {"title", "instructions" (HTML), "pass_mark", "questions": [
            {"type": "single_choice", "prompt", "explanation", "points",
             "choices": [{"text", "correct", "feedback"}]}, ...]}

    plus, optionally, any of ``QUIZ_SETTINGS_IN_IMPORT``.
    """
    locale = locale or Locale.get_default()
    existing = Quiz.objects.filter(title=data["title"], locale=locale).first()
    if existing is None and translation_of is not None:
        existing = Quiz.objects.filter(
            translation_key=translation_of.translation_key, locale=locale
        ).first()
    if existing is not None:
        return existing
    sources = []
    if translation_of is not None:
        sources = [qq.question for qq in translation_of.quiz_questions.all()]
    questions = []
    for index, item in enumerate(data["questions"]):
        source = sources[index] if index < len(sources) else None
        same_type = source is not None and source.type_code == item.get("type")
        questions.append(
            question_create_from_data(
                data=item,
                locale=locale,
                translation_key=source.translation_key if same_type else None,
            )
        )
    quiz = Quiz(
        title=data["title"],
        instructions=plain_to_rich_text(data.get("instructions", "")),
        locale=locale,
        live=False,
        **{key: data[key] for key in QUIZ_SETTINGS_IN_IMPORT if key in data},
    )
    if translation_of is not None:
        quiz.translation_key = translation_of.translation_key
    quiz.quiz_questions = [
        QuizQuestion(question=question, sort_order=index)
        for index, question in enumerate(questions)
    ]
    quiz.full_clean()
    quiz.save()
    log(instance=quiz, action="wagtail.create")
    quiz.save_revision().publish()
    quiz.refresh_from_db()
    return quiz
