"""identity_sign_in and sign_in_teams_sync on their own (no provider needed)."""

import threading

import pytest
from django.contrib.auth import get_user_model
from django.db import connection

from core.people import person_language
from lms.accounts.models import SignInGroupTeam, SignInIdentity
from lms.accounts.services import claim_groups, identity_sign_in
from tests.factories import TeamFactory, UserFactory

pytestmark = pytest.mark.django_db

ISSUER = "https://login.example.org/tenant/v2.0"
NAMES = {
    "email": "email",
    "first_name": "given_name",
    "last_name": "family_name",
    "language": "locale",
    "groups": "groups",
}


def claims(**extra):
    return {
        "sub": "abc-123",
        "email": "noor@example.org",
        "given_name": "Noor",
        "family_name": "Haddad",
        "locale": "fr-CA",
        **extra,
    }


def test_signing_in_twice_is_one_person_and_one_identity():
    first = identity_sign_in(issuer=ISSUER, claims=claims(), claim_names=NAMES)
    again = identity_sign_in(issuer=ISSUER, claims=claims(), claim_names=NAMES)

    assert first.pk == again.pk
    assert SignInIdentity.objects.count() == 1
    assert (again.username, person_language(again)) == ("noor@example.org", "fr")


def test_the_same_subject_at_another_issuer_is_another_person():
    one = identity_sign_in(issuer=ISSUER, claims=claims(), claim_names=NAMES)
    other = identity_sign_in(
        issuer="https://accounts.example.com", claims=claims(), claim_names=NAMES
    )

    assert one.pk != other.pk
    assert other.username.startswith("sso-")  # the email was taken


def test_a_taken_username_never_links_the_accounts():
    local = UserFactory(username="noor@example.org", email="noor@example.org")

    person = identity_sign_in(issuer=ISSUER, claims=claims(), claim_names=NAMES)

    assert person.pk != local.pk


def test_a_deactivated_person_is_returned_unchanged():
    person = identity_sign_in(issuer=ISSUER, claims=claims(), claim_names=NAMES)
    get_user_model().objects.filter(pk=person.pk).update(is_active=False)

    again = identity_sign_in(
        issuer=ISSUER, claims=claims(email="new@example.org"), claim_names=NAMES
    )

    assert (again.is_active, again.email) == (False, "noor@example.org")


@pytest.mark.parametrize(
    ("value", "groups"),
    [
        (["Sales", " Support "], ["Sales", "Support"]),
        ("Sales,Support", ["Sales", "Support"]),
        ("Sales; Support", ["Sales", "Support"]),
        (None, []),
        (42, []),
    ],
    ids=["list", "comma", "semicolon", "missing", "not-a-list"],
)
def test_groups_claims_are_read_in_the_shapes_providers_send(value, groups):
    assert claim_groups(value) == groups


def test_a_repeated_sign_in_costs_the_same_whatever_the_mappings(
    django_assert_max_num_queries,
):
    teams = [TeamFactory(name=f"Team {n}") for n in range(8)]
    for n, team in enumerate(teams):
        SignInGroupTeam.objects.create(group=f"g{n}", team=team)
    groups = [f"g{n}" for n in range(8)]
    identity_sign_in(issuer=ISSUER, claims=claims(groups=groups), claim_names=NAMES)

    with django_assert_max_num_queries(8):
        identity_sign_in(issuer=ISSUER, claims=claims(groups=groups), claim_names=NAMES)


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_first_sign_ins_at_once_make_one_person():
    count = 3
    barrier = threading.Barrier(count)
    results: list = [None] * count

    def work(index):
        try:
            barrier.wait(timeout=10)
            results[index] = identity_sign_in(
                issuer=ISSUER, claims=claims(), claim_names=NAMES
            ).pk
        except Exception as error:  # reported by the assertions below
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=work, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not [r for r in results if isinstance(r, Exception)], results
    assert len(set(results)) == 1
    assert get_user_model().objects.filter(email="noor@example.org").count() == 1


@pytest.fixture
def mapped_sales():
    team = TeamFactory(name="Ventes")
    SignInGroupTeam.objects.create(group="sales", team=team)
    return team


def _member(team, user) -> bool:
    return team.memberships.filter(learner=user).exists()


def test_a_sign_in_without_the_groups_claim_leaves_mapped_teams_alone(mapped_sales):
    user = identity_sign_in(
        issuer=ISSUER, claims=claims(groups=["sales"]), claim_names=NAMES
    )
    assert _member(mapped_sales, user)

    identity_sign_in(issuer=ISSUER, claims=claims(), claim_names=NAMES)

    assert _member(mapped_sales, user), "no claim is not an empty claim"


def test_an_entra_group_overage_leaves_mapped_teams_alone(mapped_sales, caplog):
    user = identity_sign_in(
        issuer=ISSUER, claims=claims(groups=["sales"]), claim_names=NAMES
    )
    overage = claims(
        _claim_names={"groups": "src1"},
        _claim_sources={"src1": {"endpoint": "https://graph.microsoft.com/v1.0/x"}},
    )

    identity_sign_in(issuer=ISSUER, claims=overage, claim_names=NAMES)

    assert _member(mapped_sales, user)
    assert "overage" in caplog.text


def test_an_empty_groups_claim_leaves_the_mapped_teams(mapped_sales):
    user = identity_sign_in(
        issuer=ISSUER, claims=claims(groups=["sales"]), claim_names=NAMES
    )

    identity_sign_in(issuer=ISSUER, claims=claims(groups=[]), claim_names=NAMES)

    assert not _member(mapped_sales, user)
