"""Hooks other apps plug into: who may take a quiz, and where "back" leads.

Both are dotted paths in settings so that courses can decide without this app
importing courses:

* ``RELAIS_QUIZ_ACCESS_POLICY``: a callable ``(user, quiz, request=None) ->
  bool`` (``request`` when there is one, for per-request memos); default: any
  authenticated, active user may take a live quiz.
* ``RELAIS_QUIZ_RETURN_LINK``: a callable ``(quiz, request) -> (url, label)
  | None`` for the result page's "back to the course" link; default: none.
* ``RELAIS_QUIZ_CONTENT_VERSION``: a callable ``(request) -> int`` that
  changes whenever content a question's HTML may show (rich-text links to
  pages, documents, images) changes; it keys the render cache of attempt
  pages (``quizzes.rendering``). Default: none, and the
  questions are rendered on every request.
"""

from django.conf import settings
from django.utils.module_loading import import_string

DEFAULT_ACCESS_POLICY = "quizzes.access.any_active_user"


def any_active_user(user, quiz, request=None) -> bool:
    """The default policy: signed in and active."""
    return bool(user.is_authenticated and user.is_active)


def can_take_quiz(user, quiz, request=None) -> bool:
    policy = import_string(
        getattr(settings, "RELAIS_QUIZ_ACCESS_POLICY", None) or DEFAULT_ACCESS_POLICY
    )
    return bool(
        user.is_authenticated and user.is_active and policy(user, quiz, request=request)
    )


def return_link(quiz, request) -> tuple[str, str] | None:
    path = getattr(settings, "RELAIS_QUIZ_RETURN_LINK", None)
    if not path:
        return None
    return import_string(path)(quiz, request)


def content_version(request) -> int | None:
    path = getattr(settings, "RELAIS_QUIZ_CONTENT_VERSION", None)
    if not path:
        return None
    return import_string(path)(request)
