"""Company sign-in in a browser: Relais's login page, the provider's form, back.

The provider is the real test provider (tests/oidc_provider), started once
per session; the live server's callback is registered with it here.
"""

import re

import pytest
from playwright.sync_api import expect

from lms.accounts.models import SignInIdentity
from lms.accounts.provider import provider_forget
from tests.e2e.conftest import axe_violations
from tests.oidc_provider.fixtures import (  # noqa: F401 (fixtures)
    CLIENT_ID,
    CLIENT_SECRET,
    EMAIL,
    PASSWORD,
    USERNAME,
    oidc_provider,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def relais(demo, oidc_provider, settings):  # noqa: F811
    """The demo site, signing in through the test provider."""
    oidc_provider.allow_redirect(f"{demo.url}/accounts/oidc/callback/")
    oidc_provider.set_person(email=EMAIL, first_name="Alice", locale="en-GB")
    settings.RELAIS_OIDC_ISSUER = oidc_provider.issuer
    settings.RELAIS_OIDC_CLIENT_ID = CLIENT_ID
    settings.RELAIS_OIDC_CLIENT_SECRET = CLIENT_SECRET
    provider_forget()
    yield demo
    provider_forget()


def test_a_learner_signs_in_with_their_organisation(relais, page):
    page.goto(f"{relais.url}/en/learn/")
    page.wait_for_url(re.compile(r"/en/accounts/login/\?next="))

    page.get_by_role("link", name="Sign in with your organisation").click()
    page.wait_for_url(re.compile(r"127\.0\.0\.1:\d+/accounts/login/"))
    page.fill("#provider-username", USERNAME)
    page.fill("#provider-password", PASSWORD)
    page.click("button[type=submit]")

    page.wait_for_url(f"{relais.url}/en/learn/")
    expect(page.locator(".site-nav__user")).to_contain_text("Alice")
    assert SignInIdentity.objects.get().user.email == EMAIL


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_sign_in_pages_have_no_serious_axe_violations(relais, page, settings, lang):
    settings.AXES_FAILURE_LIMIT = 1
    pages = {}
    page.goto(f"{relais.url}/{lang}/accounts/login/")
    expect(page.locator("a.button[href*='/accounts/oidc/start/']")).to_be_visible()
    pages["login"] = axe_violations(page)
    page.goto(f"{relais.url}/{lang}/accounts/password/reset/")
    pages["reset"] = axe_violations(page)
    page.fill("input[name=email]", "nobody@example.org")
    page.click("main button[type=submit]")
    page.wait_for_url(re.compile(r"/password/reset/sent/$"))
    pages["reset sent"] = axe_violations(page)
    page.goto(f"{relais.url}/{lang}/accounts/login/")
    page.fill("input[name=username]", "nobody-at-all")
    page.fill("input[name=password]", "wrong")
    page.click("main form button[type=submit]")
    expect(page.locator("main h1")).to_have_text(
        {"fr": "Trop de tentatives", "en": "Too many attempts"}[lang]
    )
    pages["locked out"] = axe_violations(page)

    assert {name: found for name, found in pages.items() if found} == {}
