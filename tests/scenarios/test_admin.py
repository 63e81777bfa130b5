"""Authoring in the Wagtail admin: the graph checks on save, the map, the preview."""

import pytest
from django.urls import reverse
from django.utils import translation

from scenarios import graph as g
from scenarios.models import Scenario
from scenarios.services import run_start
from scenarios.wagtail_hooks import SCENARIO_HAS_RUNS
from tests.factories.scenarios import make_scenario

pytestmark = pytest.mark.django_db


def situation_fields(prefix, index, key, label, *, choices=(), ending=False):
    base = f"{prefix}-{index}"
    value = f"{base}-value"
    data = {
        f"{base}-type": "situation",
        f"{base}-deleted": "",
        f"{base}-order": str(index),
        f"{base}-id": "",
        f"{value}-key": key,
        f"{value}-label": label,
        f"{value}-speaker": "",
        f"{value}-text": f"Texte de {label}",
        f"{value}-image": "",
        f"{value}-image_alt": "",
        f"{value}-debrief": "Bilan" if ending else "",
        f"{value}-choices-count": str(len(choices)),
    }
    if ending:
        data[f"{value}-is_ending"] = "on"
    for n, (text, target) in enumerate(choices):
        item = f"{value}-choices-{n}"
        data.update(
            {
                f"{item}-deleted": "",
                f"{item}-order": str(n),
                f"{item}-id": "",
                f"{item}-value-text": text,
                f"{item}-value-leads_to": target,
                f"{item}-value-consequence": "",
                f"{item}-value-points": "0",
            }
        )
    return data


def form_data(situations):
    data = {"title": "Invitation LinkedIn", "introduction": ""}
    data["situations-count"] = str(len(situations))
    for index, (key, label, choices, ending) in enumerate(situations):
        data.update(
            situation_fields(
                "situations", index, key, label, choices=choices, ending=ending
            )
        )
    return data


def test_saving_an_unreachable_situation_names_it(client, superuser):
    client.force_login(superuser)
    url = reverse("wagtailsnippets_scenarios_scenario:add")
    data = form_data(
        [
            ("start", "Début", [("Accepter", "end")], False),
            ("end", "Fin", [], True),
            ("lost", "Oubliée", [("Aller", "end")], False),
        ]
    )
    response = client.post(url, data)
    assert response.status_code == 200
    errors = response.context["form"].errors["situations"]
    with translation.override("fr"):  # the admin speaks the user's language
        expected = str(g.UNREACHABLE % {"situation": "Oubliée", "start": "Début"})
    assert [str(e) for e in errors] == [expected], errors
    assert not Scenario.objects.exists()


def test_a_good_scenario_saves_and_its_map_shows(client, superuser):
    client.force_login(superuser)
    url = reverse("wagtailsnippets_scenarios_scenario:add")
    data = form_data(
        [
            ("start", "Début", [("Accepter", "end")], False),
            ("end", "Fin", [], True),
        ]
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    scenario = Scenario.objects.get()
    edit = client.get(
        reverse("wagtailsnippets_scenarios_scenario:edit", args=(scenario.pk,))
    )
    html = edit.content.decode()
    assert 'role="img"' in html and "Début → « Accepter » → Fin" in html


def test_the_preview_shows_the_map_and_every_situation(site):
    scenario = make_scenario()
    response = scenario.make_preview_request()
    html = (
        response.rendered_content
        if hasattr(response, "rendered_content")
        else (response.content.decode())
    )
    assert response.status_code == 200
    assert 'class="scenario-graph"' in html and "Mauvaise fin" in html


def test_a_played_scenario_cannot_be_deleted(client, superuser):
    client.force_login(superuser)
    scenario = make_scenario()
    run_start(scenario=scenario, learner=superuser)
    url = reverse("wagtailsnippets_scenarios_scenario:delete", args=(scenario.pk,))
    response = client.post(url, follow=True)
    assert Scenario.objects.filter(pk=scenario.pk).exists()
    with translation.override("fr"):
        expected = str(SCENARIO_HAS_RUNS % {"scenario": scenario})
    assert expected in [str(m) for m in response.context["messages"]]
