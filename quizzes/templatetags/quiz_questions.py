"""``{% attempt_questions %}``: an attempt page's questions, rendered once per state.

A 20-question attempt page renders twenty fieldsets of inputs, and the
learner reloads it after every save although at most a few questions
changed. Each question's HTML depends only on its ``QuestionDisplay`` (what
was shown and answered, and whatever review is revealed), on whether it can
be checked, on the language and on the content version (rich text links), so
it is cached under a digest of exactly those, per attempt: a question is
rendered again only when something it shows changed. Nothing else from the
request reaches the template. The content version comes from the
``RELAIS_QUIZ_CONTENT_VERSION`` hook (``quizzes.access``); without one,
nothing is cached.
"""

import hashlib
import json

from django import template
from django.core.cache import cache
from django.template.loader import get_template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from quizzes import access

register = template.Library()

ITEM_TEMPLATE = "quizzes/includes/attempt_question.html"
TIMEOUT = 60 * 60  # attempt pages are revisited within a sitting


def _digest(question, checkable: bool) -> str:
    state = json.dumps(
        [question.__dict__, checkable], default=str, sort_keys=True
    ).encode()
    return hashlib.md5(state, usedforsecurity=False).hexdigest()


@register.simple_tag(takes_context=True)
def attempt_questions(context, attempt, questions, *, checkable=False):
    """The questions' fieldsets (with their hidden ``slots`` inputs), joined.

    One ``get_many`` for all of them; only the missing ones are rendered.
    """
    version, language = access.content_version(context.get("request")), get_language()
    keys = {
        f"relais:quiz-question:{attempt.pk}:{version}:{language}:"
        f"{_digest(question, checkable)}": question
        for question in questions
    }
    found = cache.get_many(list(keys)) if version is not None else {}
    missing = {}
    item = get_template(ITEM_TEMPLATE)
    for key, question in keys.items():
        if key not in found:
            # No request: nothing but the question reaches the cached HTML.
            found[key] = missing[key] = item.render(
                {"q": question, "checkable": checkable}
            )
    if missing and version is not None:
        cache.set_many(missing, TIMEOUT)
    return mark_safe("".join(found[key] for key in keys))
