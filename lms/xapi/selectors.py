"""Reads for xAPI: the names of activities in every language they exist in."""

from django.utils.html import strip_tags
from wagtail.models import Page

from lms.xapi.models import OutboxStatement
from quizzes.models import Question, Quiz


def page_names(page) -> dict[str, str]:
    """A page's title in each language it is live in, by language code."""
    names = dict(
        Page.objects.filter(translation_key=page.translation_key, live=True)
        .order_by("locale__language_code")
        .values_list("locale__language_code", "title")
    )
    return names or {page.locale.language_code: page.title}


def quiz_names(quiz) -> dict[str, str]:
    names = dict(
        Quiz.objects.filter(translation_key=quiz.translation_key).values_list(
            "locale__language_code", "title"
        )
    )
    return names or {quiz.locale.language_code: quiz.title}


def question_prompts(translation_keys) -> dict:
    """``{translation_key: {language: prompt as plain text}}`` for questions."""
    prompts: dict = {}
    rows = Question.objects.filter(translation_key__in=translation_keys).values_list(
        "translation_key", "locale__language_code", "prompt"
    )
    for key, language, prompt in rows:
        prompts.setdefault(key, {})[language] = " ".join(strip_tags(prompt).split())
    return prompts


def pending_statements(*, now, limit: int):
    """Undelivered statements in creation order, due or not (for ordering).

    Rows are locked, skipping rows another worker holds, so two workers
    never send the same batch.
    """
    return list(
        OutboxStatement.objects.select_for_update(skip_locked=True)
        .filter(delivered_at__isnull=True)
        .order_by("pk")[:limit]
    )
