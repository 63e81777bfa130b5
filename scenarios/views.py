"""The learner's scenario flow, without JavaScript: the scenario page, then the run.

The run page shows the current situation and its choices as a fieldset of
radio buttons; a POST carries only a choice id and the page's sequence. After
a choice the browser is redirected (post/redirect/get) to the run page's
``#consequence``, so the consequence is the first thing read and focused.
A refused choice re-renders the current state with its message and a 400
(forged id) or 409 (stale page, finished run) status. Runs are looked up only
among the signed-in learner's own.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import (
    require_http_methods,
    require_POST,
    require_safe,
)

from scenarios import selectors, services
from scenarios.services import ScenarioError


@login_required
@require_safe
def scenario_detail(request, scenario_id):
    """The start page: introduction, a start (or continue) button, past runs."""
    scenario = get_object_or_404(selectors.live_scenarios(), pk=scenario_id)
    runs = selectors.learner_runs(scenario=scenario, learner=request.user)
    context = {
        "scenario": scenario,
        "runs": runs[:20],
        "open_run": runs.filter(finished_at__isnull=True).first(),
    }
    return render(request, "scenarios/scenario_detail.html", context)


@login_required
@require_POST
def scenario_start(request, scenario_id):
    scenario = get_object_or_404(selectors.live_scenarios(), pk=scenario_id)
    try:
        run = services.run_start(scenario=scenario, learner=request.user)
    except ScenarioError as error:
        messages.error(request, error.message)
        return redirect(scenario)
    return redirect("scenarios:run", run_id=run.pk)


@never_cache
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def run_page(request, run_id):
    """The current situation and its choices; POST takes one choice."""
    run = selectors.learner_run(learner=request.user, run_id=run_id)
    if run is None:
        raise Http404
    if request.method != "POST":
        return _render_run(request, run)
    try:
        services.run_choose(
            run=run,
            choice_id=request.POST.get("choice"),
            sequence=request.POST.get("sequence"),
        )
    except ScenarioError as error:
        run.refresh_from_db()
        return _render_run(request, run, error=error.message, status=error.status)
    return redirect(reverse("scenarios:run", args=(run.pk,)) + "#consequence")


def _render_run(request, run, *, error=None, status=200):
    situation = run.scenario.graph().get(run.current_key)
    context = {
        "run": run,
        "scenario": run.scenario,
        "situation": situation,
        "image": selectors.situation_image(situation),
        "last_step": run.path[-1] if run.path else None,
        "error": error,
    }
    return render(request, "scenarios/run.html", context, status=status)
