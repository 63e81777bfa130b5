"""The learner's quiz flow, without JavaScript: start, answer, confirm, result.

Views parse input, check access, call one service or selector and render.
Attempts are looked up only among the signed-in learner's own, so anyone
else's attempt is a 404 whatever the URL or method. Attempt pages are never
cached, and a submitted attempt's pages redirect to its result, so the back
button cannot reopen it.

A save posted with ``Accept: application/json`` (scripts, the page benchmark)
goes through the same checks and service and is answered with JSON instead
of the next page: ``{"attempt", "sequence", "submitted"}``, or ``{"error"}``
with the status the page would have had.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from core.caching import cache_key, cached
from core.ids import parse_small
from quizzes import access, display, rendering, selectors, services
from quizzes.forms import MAX_ATTEMPT_POST_BYTES
from quizzes.services import QuizError, SaveStatus

NO_ACCESS = _("You do not have access to this quiz.")
POST_TOO_LARGE = _("Too much data was sent, so nothing was saved.")


def _live_quiz(request, quiz_id):
    quiz = get_object_or_404(selectors.live_quizzes(), pk=quiz_id)
    if not access.can_take_quiz(request.user, quiz, request=request):
        raise PermissionDenied(NO_ACCESS)
    return quiz


def _learner_attempt(request, attempt_id):
    """The learner's attempt, its quiz taken from the render cache.

    Keyed by the content version read at the start of the request (any quiz
    change bumps it), through the ``quizzes.access`` hook; without one, the
    quiz is read from the database.
    """
    version = access.content_version(request)

    def load_quiz(quiz_id):
        return cached(
            cache_key("quiz", quiz_id, version),
            lambda: selectors.quiz_by_id(quiz_id),
        )

    attempt = selectors.learner_attempt(
        learner=request.user,
        attempt_id=attempt_id,
        load_quiz=load_quiz if version is not None else None,
    )
    if attempt is None:
        raise Http404
    return attempt


def _method_not_allowed(request, allowed):
    """405, checked only once the attempt is known to be the learner's own.

    Anyone else's attempt is a 404 whatever the method, so a 405 cannot tell
    a stranger that an attempt exists.
    """
    if request.method not in allowed:
        return HttpResponseNotAllowed(allowed)
    return None


def _result_redirect(attempt):
    return redirect("quizzes:result", attempt_id=attempt.pk)


def _closed_redirect(request, attempt):
    """Send a finished (or timed-out) attempt's pages to its result."""
    if attempt.is_in_progress and attempt.is_past_grace():
        attempt = services.attempt_expire(attempt=attempt)
        messages.info(request, services.TIME_UP)
    if attempt.is_submitted:
        return _result_redirect(attempt)
    return None


@login_required
@require_safe
def quiz_detail(request, quiz_id):
    """The start page: instructions, attempts left, time limit, past results."""
    quiz = _live_quiz(request, quiz_id)
    summary = selectors.quiz_start_summary(quiz=quiz, learner=request.user)
    return render(
        request, "quizzes/quiz_detail.html", {"quiz": quiz, "summary": summary}
    )


@login_required
@require_POST
def quiz_start(request, quiz_id):
    quiz = _live_quiz(request, quiz_id)
    try:
        attempt = services.attempt_start(quiz=quiz, learner=request.user)
    except QuizError as error:
        messages.error(request, error.message)
        return redirect(quiz)
    return redirect("quizzes:attempt", attempt_id=attempt.pk)


@never_cache
@login_required
def attempt_page(request, attempt_id):
    """Answer questions, all at once or one per page; POST saves, checks, moves on."""
    attempt = _learner_attempt(request, attempt_id)
    if response := _method_not_allowed(request, ["GET", "HEAD", "POST"]):
        return response
    if response := _closed_redirect(request, attempt):
        return response
    if not access.can_take_quiz(request.user, attempt.quiz, request=request):
        raise PermissionDenied(NO_ACCESS)
    if request.method == "POST":
        return _save_page(request, attempt)
    return _render_attempt(request, attempt, page=_page_number(request.GET))


def _save_page(request, attempt):
    """Save the posted page; answer with the next page, or JSON for a script."""
    if _content_length(request) > MAX_ATTEMPT_POST_BYTES:
        # Refused before the body is read, so the page number is the URL's.
        outcome = services.SaveOutcome(
            attempt=attempt, status=SaveStatus.REFUSED, message=POST_TOO_LARGE
        )
        page = _page_number(request.GET)
    else:
        outcome = services.attempt_save_page(attempt=attempt, data=request.POST)
        page = _page_number(request.POST)
    if "application/json" in request.headers.get("Accept", ""):
        return save_outcome_json(outcome)
    return save_outcome_html(request, outcome, page=page)


#: The HTTP status of a save's outcome, page or JSON (any other: 200).
SAVE_HTTP_STATUS = {
    SaveStatus.CLOSED: 409,
    SaveStatus.STALE: 409,
    SaveStatus.REJECTED: 400,
    SaveStatus.REFUSED: 400,
}


def save_outcome_html(request, outcome: services.SaveOutcome, *, page: int):
    """A save's outcome for a browser: the next page, the result, or the page again.

    A refused page is shown again with the message (and, for rejected
    answers, what was sent with the errors next to it); the answers shown
    otherwise are the saved ones.
    """
    attempt, status = outcome.attempt, outcome.status
    if status is SaveStatus.TIME_UP:
        messages.info(request, outcome.message)
    if attempt.is_submitted:
        return _result_redirect(attempt)
    if not outcome.is_refused:
        return redirect(_next_url(request, outcome, page=page))
    return _render_attempt(
        request,
        attempt,
        page=page,
        status=SAVE_HTTP_STATUS[status],
        message=outcome.message,
        errors=outcome.errors,
        posted=request.POST if status is SaveStatus.REJECTED else None,
    )


def save_outcome_json(outcome: services.SaveOutcome) -> JsonResponse:
    """A save's outcome for a script: what the page would have shown, as data."""
    attempt = outcome.attempt
    data = {
        "attempt": attempt.pk,
        "sequence": attempt.sequence,
        "submitted": attempt.is_submitted,
    }
    if attempt.is_submitted:
        data["result_url"] = reverse("quizzes:result", args=[attempt.pk])
    if outcome.is_refused:
        data["error"] = str(outcome.message)
    if outcome.errors:
        data["errors"] = {str(slot): str(text) for slot, text in outcome.errors.items()}
    return JsonResponse(data, status=SAVE_HTTP_STATUS.get(outcome.status, 200))


def _content_length(request) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


def _next_url(request, outcome: services.SaveOutcome, *, page: int) -> str:
    attempt = outcome.attempt
    action = request.POST.get("action", "save")
    if action == "finish":
        return reverse("quizzes:confirm", kwargs={"attempt_id": attempt.pk})
    url = reverse("quizzes:attempt", kwargs={"attempt_id": attempt.pk})
    if attempt.quiz.asks_one_per_page:
        page = (
            page + 1 if action == "next" else page - 1 if action == "previous" else page
        )
        url += f"?page={max(1, page)}"
    if action == "save" and outcome.status is SaveStatus.SAVED:
        messages.success(request, outcome.message)
    return url + (f"#question-{outcome.slot}" if outcome.slot else "")


def _page_number(data) -> int:
    """The attempt page asked for: a plain number in range, else the first."""
    return parse_small(data.get("page")) or 1


def _render_attempt(
    request,
    attempt,
    *,
    page=1,
    status=200,
    message="",
    errors=None,
    posted=None,
):
    rows = selectors.attempt_question_states(attempt=attempt)
    page_count = len(rows) if attempt.quiz.asks_one_per_page else 1
    page = min(page, max(page_count, 1))
    shown = rows[page - 1 : page] if attempt.quiz.asks_one_per_page else rows
    context = {
        "attempt": attempt,
        "quiz": attempt.quiz,
        "questions_html": rendering.attempt_questions_html(
            request,
            attempt,
            shown,
            checkable=attempt.quiz.gives_feedback_per_question,
            errors=errors,
            posted=posted,
        ),
        "navigation": rows if attempt.quiz.asks_one_per_page else [],
        "page": page,
        "page_count": page_count,
        "error_message": message,
        "timer": display.timer_for(attempt, now=timezone.now()),
        # The page head (base.html's site-head fragment) shows the quiz title
        # only: cached per quiz, language and content version.
        "content_version": access.content_version(request),
        "fragment_scope": f"quiz-attempt:{attempt.quiz_id}",
    }
    return render(request, "quizzes/attempt.html", context, status=status)


@never_cache
@login_required
def attempt_confirm(request, attempt_id):
    """Confirm submission, listing unanswered questions; POST submits."""
    attempt = _learner_attempt(request, attempt_id)
    if response := _method_not_allowed(request, ["GET", "HEAD", "POST"]):
        return response
    if response := _closed_redirect(request, attempt):
        return response
    if request.method == "POST":
        services.attempt_submit(attempt=attempt)
        return _result_redirect(attempt)
    rows = selectors.attempt_questions(attempt=attempt)
    context = {
        "attempt": attempt,
        "quiz": attempt.quiz,
        "unanswered": [row for row in rows if not row.is_answered],
        "question_count": len(rows),
        "timer": display.timer_for(attempt, now=timezone.now()),
    }
    return render(request, "quizzes/attempt_confirm.html", context)


@never_cache
@login_required
def attempt_result(request, attempt_id):
    """Score, pass or fail, and the review the quiz's policies allow."""
    attempt = _learner_attempt(request, attempt_id)
    if response := _method_not_allowed(request, ["GET", "HEAD"]):
        return response
    if attempt.is_in_progress and not attempt.is_past_grace():
        return redirect("quizzes:attempt", attempt_id=attempt.pk)
    if attempt.is_in_progress:
        attempt = services.attempt_expire(attempt=attempt)
    summary = selectors.quiz_start_summary(quiz=attempt.quiz, learner=request.user)
    reveal = display.reveal_for(attempt, passed=summary.passed)
    rows = selectors.attempt_questions(attempt=attempt)
    context = {
        "attempt": attempt,
        "quiz": attempt.quiz,
        "summary": summary,
        "reveal": reveal,
        "questions": display.attempt_displays(attempt, rows, reveal=reveal),
        "return_link": access.return_link(attempt.quiz, request),
    }
    return render(request, "quizzes/attempt_result.html", context)
