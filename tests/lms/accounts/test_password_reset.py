"""Password reset of local accounts: Django's views, mail in the person's language."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from core.people import person_language_set
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LINK = re.compile(
    r"http://testserver(/(?:fr|en)/accounts/password/reset/[^/\s]+/[^/\s]+/)"
)


def test_the_login_page_links_to_password_reset(client):
    page = client.get("/en/accounts/login/").content.decode()

    assert reverse("password_reset") in page or "/en/accounts/password/reset/" in page
    assert "Forgot your password?" in page


@pytest.mark.parametrize(
    ("language", "subject"),
    [
        ("en", "Choose a new Relais password"),
        ("fr", "Choisissez un nouveau mot de passe Relais"),
    ],
    ids=["english", "french"],
)
def test_the_link_goes_out_in_the_person_s_language(client, language, subject):
    user = UserFactory(email="reader@example.org")
    person_language_set(user=user, language=language)

    response = client.post(
        "/fr/accounts/password/reset/", {"email": "READER@example.org"}
    )

    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == subject
    assert message.to == ["reader@example.org"]
    assert f"/{language}/accounts/password/reset/" in message.body


def test_an_unknown_address_gets_the_same_answer_and_no_mail(client):
    UserFactory(email="known@example.org")

    reset = "/en/accounts/password/reset/"
    known = client.post(reset, {"email": "known@example.org"})
    unknown = client.post(reset, {"email": "nobody@example.org"})

    assert (known.status_code, known["Location"]) == (
        unknown.status_code,
        unknown["Location"],
    )
    assert len(mail.outbox) == 1
    assert client.get(unknown["Location"]).status_code == 200


def test_the_emailed_link_sets_a_new_password(client):
    user = UserFactory(email="reader@example.org")
    client.post("/en/accounts/password/reset/", {"email": user.email})
    link = LINK.search(mail.outbox[0].body).group(1)

    form = client.get(link, follow=True)
    done = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": "Nouveau-mot-2026", "new_password2": "Nouveau-mot-2026"},
    )

    assert done.status_code == 302
    assert client.login(username=user.username, password="Nouveau-mot-2026")
    assert client.get(link, follow=True).context["validlink"] is False
