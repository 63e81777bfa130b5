"""An attempt page's questions as HTML, rendered once per question state.

A 20-question attempt page renders twenty fieldsets of inputs, and the
learner reloads it after every save although at most a few questions
changed. What a question shows as served (its prompt and choices, from the
``snapshot`` and ``presentation`` columns) never changes for an attempt row;
what does change is its *state*: the answer, whether it was checked, and the
marks and feedback a check revealed. So each question's HTML is cached per
attempt row under a digest of that state, the language and the content
version (rich-text links, from the ``RELAIS_QUIZ_CONTENT_VERSION`` hook in
``quizzes.access``). A page view reads only the state columns
(``selectors.attempt_question_states``) and reads the heavy columns, builds
the displays and renders only for the questions missing from the cache.

Nothing from the request reaches a cached question: the item template gets
the question's display and whether it can be checked, nothing else. A page
showing a refused POST (errors, the values sent) is rendered afresh and not
cached; without a content-version hook, nothing is cached.
"""

import hashlib
import json

from django.core.cache import cache
from django.template.loader import get_template
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from quizzes import access, display, selectors
from quizzes.models import AttemptQuestion, QuizAttempt

ITEM_TEMPLATE = "quizzes/includes/attempt_question.html"
TIMEOUT = 60 * 60  # attempt pages are revisited within a sitting


def _cache_key(
    attempt: QuizAttempt,
    row: AttemptQuestion,
    *,
    checkable: bool,
    version,
    language,
) -> str:
    state = json.dumps(
        [
            row.response,
            row.checked_at,
            row.fraction,
            row.points,
            row.max_points,
            row.feedback,
            attempt.is_submitted,
            checkable,
            # Ids alone could be reused (a restored backup, a cache shared
            # with another database): these tie the entry to this attempt.
            attempt.learner_id,
            attempt.started_at,
        ],
        default=str,
        sort_keys=True,
    ).encode()
    digest = hashlib.md5(state, usedforsecurity=False).hexdigest()
    return (
        f"relais:quiz-question:{row.attempt_id}:{row.pk}:{version}:{language}:{digest}"
    )


def attempt_questions_html(
    request,
    attempt: QuizAttempt,
    rows: list[AttemptQuestion],
    *,
    checkable: bool = False,
    errors: dict | None = None,
    posted=None,
) -> SafeString:
    """The fieldsets (with their hidden ``slots`` inputs) of ``rows``, joined.

    ``rows`` need only their state columns. One ``get_many`` for all of them;
    the missing ones are read in full in one query and rendered.
    """
    version, language = access.content_version(request), get_language()
    cacheable = version is not None and not errors and posted is None

    def key(row):
        return _cache_key(
            attempt,
            row,
            checkable=checkable,
            version=version,
            language=language,
        )

    keys = {row.slot: key(row) for row in rows} if cacheable else {}
    found = cache.get_many(list(keys.values())) if keys else {}
    html = {
        slot: found[cache_key] for slot, cache_key in keys.items() if cache_key in found
    }
    missing = [row.slot for row in rows if row.slot not in html]
    if missing:
        item = get_template(ITEM_TEMPLATE)
        full_rows = selectors.attempt_questions(attempt=attempt, slots=missing)
        rendered = {}
        for row, question in zip(
            full_rows,
            display.attempt_displays(attempt, full_rows, errors=errors, posted=posted),
            strict=True,
        ):
            # Keyed by the state just read in full: had a save landed since
            # the state columns were read, this HTML still matches its key.
            html[row.slot] = item.render({"q": question, "checkable": checkable})
            rendered[key(row)] = html[row.slot]
        if cacheable:
            cache.set_many(rendered, TIMEOUT)
    return mark_safe("".join(html[row.slot] for row in rows if row.slot in html))
