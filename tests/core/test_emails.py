"""core.emails: one templated email to one user, in the language asked for."""

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.utils import translation

from core.emails import absolute_url, send_templated_email
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

TEMPLATES = {
    "hello_subject.txt": "{% load i18n %}\n  Hello {{ user.username }}\n  "
    "({% get_current_language as lang %}{{ lang }})\n",
    "hello.txt": "{% load i18n %}{% get_current_language as lang %}"
    "text {{ lang }} {{ organisation }} {{ extra }}",
    "hello.html": "{% load i18n %}{% get_current_language as lang %}"
    "<p lang='{{ lang }}'>{{ organisation }} {{ extra }}</p>",
}


class FailingBackend(BaseEmailBackend):
    """A mail server that is down."""

    def send_messages(self, email_messages):
        raise ConnectionRefusedError("SMTP down")


@pytest.fixture(autouse=True)
def _templates(settings):
    settings.TEMPLATES = [
        {
            "BACKEND": "django.template.backends.django.DjangoTemplates",
            "OPTIONS": {
                "loaders": [("django.template.loaders.locmem.Loader", TEMPLATES)]
            },
        }
    ]
    settings.RELAIS_ORGANISATION_NAME = "Org"
    settings.DEFAULT_FROM_EMAIL = "relais@example.org"


def test_sends_subject_text_and_html_in_the_language_given():
    user = UserFactory(email="ada@example.org")
    with translation.override("fr"):
        sent = send_templated_email(
            template="hello", user=user, language="en", context={"extra": "x"}
        )
        assert translation.get_language() == "fr"  # restored afterwards
    assert sent is True
    [message] = mail.outbox
    assert message.to == ["ada@example.org"]
    assert message.from_email == "relais@example.org"
    assert message.subject == f"Hello {user.username} (en)"  # one line
    assert message.body == "text en Org x"
    assert message.alternatives[0].content == "<p lang='en'>Org x</p>"
    assert message.alternatives[0].mimetype == "text/html"


def test_context_may_override_the_defaults():
    user = UserFactory()
    send_templated_email(
        template="hello", user=user, language="fr", context={"organisation": "Autre"}
    )
    assert mail.outbox[0].body == "text fr Autre "


def test_user_without_address_gets_nothing():
    user = UserFactory(email="")
    assert (
        send_templated_email(template="hello", user=user, language="fr", context={})
        is False
    )
    assert mail.outbox == []


def test_a_failing_mail_server_raises_so_the_task_can_retry(settings):
    settings.EMAIL_BACKEND = "tests.core.test_emails.FailingBackend"
    with pytest.raises(ConnectionRefusedError):
        send_templated_email(
            template="hello", user=UserFactory(), language="fr", context={}
        )


@pytest.mark.parametrize(
    "url, expected",
    [
        ("/fr/tableau/", "https://relais.example/fr/tableau/"),
        ("https://other.example/x", "https://other.example/x"),
        ("http://other.example/x", "http://other.example/x"),
    ],
    ids=["path", "https", "http"],
)
def test_absolute_url(settings, url, expected):
    settings.WAGTAILADMIN_BASE_URL = "https://relais.example/"
    assert absolute_url(url) == expected
