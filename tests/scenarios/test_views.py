"""The learner's pages: play to an ending, and every refused post."""

import pytest
from django.urls import reverse
from django.utils import translation

from scenarios.models import ScenarioRun
from scenarios.services import RUN_FINISHED, STALE_RUN, UNKNOWN_CHOICE
from tests.factories import UserFactory
from tests.factories.scenarios import make_scenario

pytestmark = pytest.mark.django_db


@pytest.fixture
def scenario():
    return make_scenario()


@pytest.fixture
def learner(client):
    user = UserFactory()
    client.force_login(user)
    return user


def fr(text) -> str:
    """``text`` as the French pages (under /fr/) show it."""
    with translation.override("fr"):
        return str(translation.gettext(text) if isinstance(text, str) else text)


def start(client, scenario):
    response = client.post(reverse("scenarios:start", args=(scenario.pk,)))
    assert response.status_code == 302
    return ScenarioRun.objects.get()


def choice(run, text):
    situation = run.scenario.graph().get(run.current_key)
    return next(c.id for c in situation.choices if c.text == text)


def test_a_learner_plays_to_an_ending(client, scenario, learner):
    detail = client.get(reverse("scenarios:detail", args=(scenario.pk,)))
    assert fr("Start the scenario") in detail.content.decode()
    run = start(client, scenario)
    url = reverse("scenarios:run", args=(run.pk,))
    page = client.get(url).content.decode()
    assert "<fieldset>" in page and 'type="radio"' in page
    assert 'name="sequence" value="0"' in page
    response = client.post(url, {"choice": choice(run, "Accepter"), "sequence": 0})
    assert response.status_code == 302 and response.url.endswith("#consequence")
    page = client.get(url).content.decode()
    assert 'id="consequence"' in page and "Il voit vos photos." in page
    run.refresh_from_db()
    client.post(url, {"choice": choice(run, "Laisser faire"), "sequence": 1})
    page = client.get(url).content.decode()
    assert fr("End of the scenario:") in page and "Mieux vaut refuser." in page
    assert "-3 points" in page


def test_a_forged_choice_is_a_400_with_a_message(client, scenario, learner):
    run = start(client, scenario)
    url = reverse("scenarios:run", args=(run.pk,))
    response = client.post(url, {"choice": "forged", "sequence": 0})
    assert response.status_code == 400
    assert fr(UNKNOWN_CHOICE) in response.content.decode()
    assert 'type="radio"' in response.content.decode()  # the choices, again
    run.refresh_from_db()
    assert run.sequence == 0


def test_a_stale_tab_gets_the_current_state(client, scenario, learner):
    run = start(client, scenario)
    url = reverse("scenarios:run", args=(run.pk,))
    accept = choice(run, "Accepter")
    client.post(url, {"choice": accept, "sequence": 0})
    response = client.post(url, {"choice": accept, "sequence": 0})
    assert response.status_code == 409
    html = response.content.decode()
    assert fr(STALE_RUN) in html and "Le client commente vos photos" in html


def test_a_finished_run_posted_again(client, scenario, learner):
    run = start(client, scenario)
    url = reverse("scenarios:run", args=(run.pk,))
    good = choice(run, "Refuser poliment")
    client.post(url, {"choice": good, "sequence": 0})
    response = client.post(url, {"choice": good, "sequence": 1})
    assert response.status_code == 409
    assert fr(RUN_FINISHED) in response.content.decode()


def test_another_learners_run_is_a_404(client, scenario, learner):
    run = start(client, scenario)
    client.force_login(UserFactory())
    url = reverse("scenarios:run", args=(run.pk,))
    assert client.get(url).status_code == 404
    assert client.post(url, {"choice": "x", "sequence": 0}).status_code == 404


def test_signed_out_visitors_are_sent_to_log_in(client, scenario):
    response = client.get(reverse("scenarios:detail", args=(scenario.pk,)))
    assert response.status_code == 302 and "login" in response.url


def test_a_draft_scenario_is_a_404(client, learner):
    draft = make_scenario(publish=False)
    draft.live = False
    draft.save()
    assert client.get(reverse("scenarios:detail", args=(draft.pk,))).status_code == 404


def test_the_run_page_query_count_stays_flat(
    client, scenario, learner, django_assert_max_num_queries
):
    run = start(client, scenario)
    url = reverse("scenarios:run", args=(run.pk,))
    client.post(url, {"choice": choice(run, "Accepter"), "sequence": 0})
    with django_assert_max_num_queries(8):
        assert client.get(url).status_code == 200
