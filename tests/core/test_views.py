"""The language switcher saves a signed-in person's choice (core.views).

Signed-in people get one POST form per other language, each with their own
CSRF token even on a page served from the shared skeleton (core.serving);
visitors keep plain links.
"""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from core.people import person_language, person_language_set
from core.views import LANGUAGE_UNAVAILABLE
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
CHOOSE = reverse("language_choose")
TOKEN = re.compile(
    r'<form method="post" action="/i18n/choose/"[^>]*>'
    r'<input type="hidden" name="csrfmiddlewaretoken" value="([^"]+)">'
    r'<input type="hidden" name="language" value="en">'
    r'<input type="hidden" name="next" value="([^"]+)">'
)


def signed_in(user) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def switcher_form(client, path: str = "/fr/") -> tuple[str, str]:
    """(CSRF token, next URL) of the switcher's English form on ``path``."""
    html = client.get(path).content.decode()
    match = TOKEN.search(html)
    assert match, "no English form in the language switcher"
    return match[1], match[2]


def test_signed_in_choice_is_saved_and_redirects_to_that_language(site, learner):
    person_language_set(user=learner, language="fr")
    client = signed_in(learner)
    token, next_url = switcher_form(client)
    assert next_url == "/en/"

    response = client.post(
        CHOOSE, {"language": "en", "next": next_url, "csrfmiddlewaretoken": token}
    )

    assert response.status_code == 302
    assert response["Location"] == "/en/"
    assert person_language(learner) == "en"
    assert response.cookies["django_language"].value == "en"


def test_each_person_gets_their_own_token_from_the_shared_skeleton(site, learner):
    other = UserFactory(username="second")
    first, second = signed_in(learner), signed_in(other)
    first_token, _ = switcher_form(first)  # renders and caches the skeleton
    second_token, _ = switcher_form(second)  # served from it

    assert first_token != second_token
    response = second.post(
        CHOOSE, {"language": "en", "next": "/en/", "csrfmiddlewaretoken": second_token}
    )
    assert response.status_code == 302
    assert (person_language(other), person_language(learner, default="fr")) == (
        "en",
        "fr",
    )


def test_without_a_csrf_token_nothing_is_saved(site, learner):
    person_language_set(user=learner, language="fr")
    response = signed_in(learner).post(CHOOSE, {"language": "en", "next": "/en/"})
    assert response.status_code == 403
    assert person_language(learner) == "fr"


@pytest.mark.parametrize(
    ("data", "location"),
    [
        ({"language": "de", "next": "/fr/"}, "/fr/"),
        ({"language": "", "next": "/fr/"}, "/fr/"),
        ({"language": "en", "next": "https://elsewhere.example/"}, "/"),
    ],
    ids=["unknown-language", "no-language", "foreign-next"],
)
def test_bad_input_changes_nothing_and_stays_on_the_site(site, learner, data, location):
    person_language_set(user=learner, language="fr")
    client = Client()
    client.force_login(learner)
    response = client.post(CHOOSE, data, follow=True)
    assert response.redirect_chain[0] == (location, 302)
    expected = "en" if data["language"] == "en" else "fr"
    assert person_language(learner) == expected
    if expected == "fr":
        with translation.override("fr"):  # the page the message shows on
            message = str(LANGUAGE_UNAVAILABLE)
        assert message in response.content.decode()


def test_get_is_refused(site, learner):
    client = Client()
    client.force_login(learner)
    assert client.get(CHOOSE, {"language": "en"}).status_code == 405


def test_visitors_keep_links_and_a_visitor_post_saves_nothing(site):
    html = Client().get("/fr/").content.decode()
    assert '<a href="/en/" lang="en" hreflang="en">' in html
    assert "/i18n/choose/" not in html
    response = Client().post(CHOOSE, {"language": "en", "next": "/en/"})
    assert response.status_code == 302
    assert response["Location"] == "/en/"
