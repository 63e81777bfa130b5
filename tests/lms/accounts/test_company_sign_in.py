"""Company sign-in against a real OpenID Connect provider (tests/oidc_provider).

Every test goes through the provider over HTTP: its login form, its token
endpoint, its signed ID tokens and its JWKS. Nothing of the flow is mocked.
"""

import datetime
from urllib.parse import parse_qs, urlencode, urlsplit, urlunsplit

import pytest
from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages
from django.core.exceptions import SuspiciousOperation
from django.urls import reverse

from core.people import person_language
from lms.accounts.backends import CompanySignInBackend
from lms.accounts.models import SignInGroupTeam, SignInIdentity
from lms.accounts.provider import provider_forget
from lms.accounts.views import (
    LOCAL_ACCOUNTS_OFF,
    PASSWORD_RESET_OFF,
    PERSON_DEACTIVATED,
    PROVIDER_DOWN,
    SIGN_IN_REFUSED,
)
from lms.teams.models import LearnerAssignment, TeamMembership
from lms.teams.services import assignment_create
from tests.factories import TeamFactory, UserFactory
from tests.oidc_provider.fixtures import (
    EMAIL,
    SHORT_LIVED_CLIENT_ID,
    SHORT_LIVED_CLIENT_SECRET,
    foreign_id_token,
    free_port,
    provider_sign_in,
)

pytestmark = pytest.mark.django_db

DASHBOARD = "/en/learn/"


def signed_in_user(client):
    pk = client.session.get("_auth_user_id")
    return get_user_model().objects.filter(pk=pk).first()


def shown(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def refused_with(response, message) -> bool:
    return (
        response.status_code == 302
        and response["Location"].endswith("/accounts/login/")
        and str(message) in shown(response)
    )


def test_first_sign_in_creates_the_person_with_their_claims(client, company_sign_in):
    callback = provider_sign_in(client, next_url=DASHBOARD)
    response = client.get(callback)

    assert response.status_code == 302 and response["Location"] == DASHBOARD
    user = signed_in_user(client)
    assert (user.email, user.first_name, user.last_name) == (EMAIL, "Alice", "Martin")
    assert not user.has_usable_password()
    assert person_language(user) == "en"  # the provider's "en-GB"
    identity = SignInIdentity.objects.get(user=user)
    assert identity.issuer == company_sign_in.issuer
    assert client.get(DASHBOARD).status_code == 200


def test_later_sign_ins_find_the_person_by_subject_and_follow_a_new_email(
    client, company_sign_in
):
    client.get(provider_sign_in(client))
    first = signed_in_user(client)
    client.logout()
    company_sign_in.set_person(email="alice.dupont@example.org", locale="fr-CA")

    client.get(provider_sign_in(client))

    again = signed_in_user(client)
    assert again.pk == first.pk
    assert again.email == "alice.dupont@example.org"
    assert person_language(again) == "en"  # set on the first sign-in only
    assert SignInIdentity.objects.count() == 1


def test_an_existing_account_with_the_same_email_is_never_taken_over(
    client, company_sign_in
):
    local = UserFactory(username="alice-local", email=EMAIL)

    client.get(provider_sign_in(client))

    assert signed_in_user(client).pk != local.pk
    assert not SignInIdentity.objects.filter(user=local).exists()


def test_a_tampered_state_is_refused(client, company_sign_in):
    callback = provider_sign_in(client)
    parts = urlsplit(callback)
    query = parse_qs(parts.query)
    query["state"] = [query["state"][0] + "x"]
    tampered = urlunsplit(parts._replace(query=urlencode(query, doseq=True)))

    response = client.get(tampered)

    assert refused_with(response, SIGN_IN_REFUSED)
    assert signed_in_user(client) is None


def test_a_replayed_callback_is_refused(client, company_sign_in):
    callback = provider_sign_in(client)
    assert signed_in_user(client) is None
    client.get(callback)
    assert signed_in_user(client) is not None
    client.logout()

    response = client.get(callback)

    assert refused_with(response, SIGN_IN_REFUSED)
    assert signed_in_user(client) is None


def test_an_expired_id_token_is_refused(client, company_sign_in, settings, caplog):
    # The provider issues this client's ID tokens already at their expiry.
    settings.RELAIS_OIDC_CLIENT_ID = SHORT_LIVED_CLIENT_ID
    settings.RELAIS_OIDC_CLIENT_SECRET = SHORT_LIVED_CLIENT_SECRET

    response = client.get(provider_sign_in(client))

    assert refused_with(response, SIGN_IN_REFUSED)
    assert "expired" in caplog.text
    assert signed_in_user(client) is None
    assert not SignInIdentity.objects.exists()


def test_an_id_token_issued_to_another_client_is_refused(company_sign_in):
    token, nonce = foreign_id_token(company_sign_in)
    backend = CompanySignInBackend()

    with pytest.raises(SuspiciousOperation, match="(?i)audience"):
        backend.verify_token(token, nonce=nonce)


def test_a_deactivated_person_is_refused_with_a_clear_message(client, company_sign_in):
    client.get(provider_sign_in(client))
    user = signed_in_user(client)
    client.logout()
    user.is_active = False
    user.save()

    response = client.get(provider_sign_in(client))

    assert refused_with(response, PERSON_DEACTIVATED)
    assert signed_in_user(client) is None


@pytest.fixture
def provider_down(company_sign_in, settings):
    settings.RELAIS_OIDC_ISSUER = f"http://127.0.0.1:{free_port()}/o"
    provider_forget()


def test_the_login_page_shows_the_button_when_the_provider_answers(
    client, company_sign_in, settings
):
    settings.RELAIS_OIDC_BUTTON_TEXT = {"fr": "", "en": "Sign in with Acme"}

    english = client.get("/en/accounts/login/").content.decode()
    french = client.get("/fr/accounts/login/").content.decode()

    assert "Sign in with Acme" in english
    assert reverse("oidc_authentication_init") in english
    assert "Se connecter avec votre organisation" in french


def test_without_configuration_there_is_no_button(client, settings):
    settings.RELAIS_OIDC_ISSUER = ""

    page = client.get("/en/accounts/login/").content.decode()

    assert reverse("oidc_authentication_init") not in page
    start = client.get(reverse("oidc_authentication_init"), follow=True)
    assert start.status_code == 404


def test_a_provider_that_is_down_hides_the_button_and_says_so(client, provider_down):
    page = client.get("/en/accounts/login/")

    assert page.status_code == 200
    assert reverse("oidc_authentication_init") not in page.content.decode()
    assert "unavailable right now" in page.content.decode()
    assert refused_with(client.get(reverse("oidc_authentication_init")), PROVIDER_DOWN)


def test_a_provider_that_goes_down_mid_sign_in_gives_a_message(
    client, company_sign_in, settings
):
    callback = provider_sign_in(client)
    settings.RELAIS_OIDC_ISSUER = f"http://127.0.0.1:{free_port()}/o"
    provider_forget()

    response = client.get(callback)

    assert refused_with(response, PROVIDER_DOWN)


def test_groups_claim_sets_the_mapped_teams_and_their_assignments(
    client, company_sign_in, course, today
):
    sales = TeamFactory(name="Sales")
    support = TeamFactory(name="Support")
    manual = TeamFactory(name="Hand-picked")
    SignInGroupTeam.objects.create(group="sales", team=sales)
    SignInGroupTeam.objects.create(group="support", team=support)
    assignment_create(
        course=course, due_on=today + datetime.timedelta(days=30), team=sales
    )
    company_sign_in.set_person(groups="sales,unmapped")

    client.get(provider_sign_in(client))

    user = signed_in_user(client)
    assert set(user.team_memberships.values_list("team__name", flat=True)) == {"Sales"}
    assert LearnerAssignment.objects.filter(learner=user).count() == 1
    TeamMembership.objects.create(team=manual, learner=user)
    client.logout()
    company_sign_in.set_person(groups="support")

    client.get(provider_sign_in(client))

    assert set(user.team_memberships.values_list("team__name", flat=True)) == {
        "Support",
        "Hand-picked",
    }
    assert LearnerAssignment.objects.filter(learner=user).count() == 1  # kept


@pytest.fixture
def local_accounts_off(settings):
    settings.RELAIS_LOCAL_ACCOUNTS = False


def test_local_accounts_off_leaves_only_the_button(
    client, company_sign_in, local_accounts_off
):
    user = UserFactory()

    page = client.get("/en/accounts/login/").content.decode()
    posted = client.post(
        "/en/accounts/login/", {"username": user.username, "password": "pass-word-123"}
    )

    assert 'name="password"' not in page
    assert reverse("oidc_authentication_init") in page
    assert str(LOCAL_ACCOUNTS_OFF) in shown(posted)
    assert signed_in_user(client) is None
    assert not client.login(username=user.username, password="pass-word-123")


def test_local_accounts_off_refuses_password_reset(client, local_accounts_off):
    response = client.get(reverse("password_reset"))

    assert str(PASSWORD_RESET_OFF) in shown(response)
    assert response.status_code == 302
