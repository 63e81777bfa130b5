"""``{% outline_items %}``: a course outline whose items are rendered once.

An outline lists every lesson of a course, and each learner sees it with
their own done marks, so it cannot be cached whole. Each item, though, has
only a few states (done or not; the current lesson or not). The tag renders
every item in every state once per content version and caches the strings
(``core.caching``); a request only picks each item's state. A 100-lesson
outline then costs a join, not a hundred template renders.
"""

from django import template
from django.template.loader import get_template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from core.caching import cache_key, cached, content_version, is_preview

register = template.Library()

# (is_current, is_done) states an item is rendered in.
STATES = ((False, False), (False, True), (True, False), (True, True))


def _render_states(item_template: str, lessons) -> dict:
    # No request: nothing about the visitor can reach the shared strings.
    item = get_template(item_template)
    return {
        lesson.pk: {
            (is_current, is_done): item.render(
                {"item": lesson, "is_current": is_current, "is_done": is_done}
            )
            for is_current, is_done in STATES
        }
        for lesson in lessons
    }


@register.simple_tag(takes_context=True)
def outline_items(
    context, lessons, *, course_pk, item_template, current_pk=None, done_ids=()
):
    """The items of ``lessons`` rendered with ``item_template``, joined.

    ``item_template`` gets ``item`` (an ``OutlineLesson``), ``is_current``
    and ``is_done``, and must use nothing else from the request: its output
    is shared by every learner. ``lessons`` must be ``course_outline(course)``
    for the course ``course_pk``, which keys the cache.
    """
    request = context["request"]
    if is_preview(request):
        states = _render_states(item_template, lessons)
    else:
        key = cache_key(
            "outline-items",
            item_template,
            content_version(request),
            course_pk,
            request.get_host(),
            get_language(),
        )
        states = cached(key, lambda: _render_states(item_template, lessons))
    return mark_safe(
        "".join(
            states[lesson.pk][(lesson.pk == current_pk, lesson.pk in done_ids)]
            for lesson in lessons
        )
    )
