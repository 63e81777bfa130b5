"""``/xapi/activities/<kind>/<key>``: what an activity id in a statement names.

Activity ids are public URLs; fetching one gives its definition (type and
names in each language), as xAPI recommends for resolvable activity ids.
"""

import uuid

from django.http import Http404, JsonResponse
from django.views.decorators.http import require_GET
from wagtail.models import Page

from lms.xapi import statements as xapi
from lms.xapi.selectors import page_names, question_prompts, quiz_names
from quizzes.models import Quiz


def _names(kind: str, key: uuid.UUID) -> dict[str, str] | None:
    if kind in ("course", "lesson"):
        page = Page.objects.filter(translation_key=key, live=True).first()
        return page_names(page) if page else None
    if kind == "quiz":
        quiz = Quiz.objects.filter(translation_key=key).first()
        return quiz_names(quiz) if quiz else None
    if kind == "question":
        return question_prompts([key]).get(key)
    return None


@require_GET
def activity(request, kind: str, key: str):
    try:
        key = uuid.UUID(key)
    except ValueError:
        raise Http404 from None
    names = _names(kind, key)
    if not names:
        raise Http404
    response = JsonResponse(
        xapi.activity(kind, key, names), json_dumps_params={"ensure_ascii": False}
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response
