"""Write-side services of sign-in: people met through their identity provider.

``identity_sign_in`` is the whole of what a company sign-in changes in Relais:
the person (created on first sign-in, their email and names kept in step
after), their (issuer, subject) identity, their preferred language (first
sign-in only: later the person's own choice wins) and the teams their group
claim maps to. It is idempotent: a retried callback changes nothing more.
"""

from __future__ import annotations

import datetime
import hashlib
import logging
from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.log_actions import log

from core.people import person_language_set
from lms.accounts.models import SignInGroupTeam, SignInIdentity
from lms.teams.models import TeamMembership
from lms.teams.services import team_member_add, team_member_remove

PERSON_CREATE_ACTION = "relais.sign_in.person_create"
PERSON_UPDATE_ACTION = "relais.sign_in.person_update"
USERNAME_MAX = 150

logger = logging.getLogger(__name__)


def _claim(claims: dict, name: str) -> str:
    value = claims.get(name) if name else None
    return value.strip() if isinstance(value, str) else ""


def claim_groups(value) -> list[str]:
    """A groups claim as a list: providers send a list or a delimited string."""
    if isinstance(value, str):
        value = value.replace(";", ",").split(",")
    if not isinstance(value, list | tuple):
        return []
    return [str(group).strip() for group in value if str(group).strip()]


def _username(*, issuer: str, subject: str, email: str) -> str:
    """A free username: the email when free, else one derived from the identity."""
    model = get_user_model()
    digest = hashlib.sha256(f"{issuer} {subject}".encode()).hexdigest()[:12]
    candidates = [email[:USERNAME_MAX]] if email else []
    candidates.append(f"sso-{digest}")
    for candidate in candidates:
        if not model.objects.filter(username__iexact=candidate).exists():
            return candidate
    return f"sso-{digest}-{timezone.now():%Y%m%d%H%M%S%f}"[:USERNAME_MAX]


@transaction.atomic
def identity_sign_in(
    *,
    issuer: str,
    claims: dict,
    claim_names: dict[str, str],
    now: datetime.datetime | None = None,
):
    """The person signing in as ``claims["sub"]`` at ``issuer``; created if new.

    ``claim_names`` says which claims carry ``email``, ``first_name``,
    ``last_name``, ``language`` and ``groups``. A known identity updates the
    person's email and names when the provider's changed; a new one creates
    the person, their identity and their language preference. Group claims
    then set the mapped teams (``sign_in_teams_sync``). A deactivated person
    is returned unchanged: refusing them is the caller's business.
    """
    now = now or timezone.now()
    subject = str(claims.get("sub") or "")
    if not issuer or not subject:
        raise ValueError("An identity needs an issuer and a subject.")
    wanted = {
        field: _claim(claims, claim_names.get(field, ""))
        for field in ("email", "first_name", "last_name")
    }
    identity = (
        SignInIdentity.objects.select_for_update()
        .select_related("user")
        .filter(issuer=issuer, subject=subject)
        .first()
    )
    if identity is None:
        identity, created = _identity_create(
            issuer=issuer, subject=subject, wanted=wanted, now=now
        )
        if created:
            language = _claim(claims, claim_names.get("language", ""))
            if language:
                person_language_set(user=identity.user, language=language)
    user = identity.user
    if not user.is_active:
        return user
    _person_update(user=user, wanted=wanted)
    SignInIdentity.objects.filter(pk=identity.pk).update(last_sign_in_at=now)
    groups_claim = claim_names.get("groups")
    if groups_claim and groups_claim in claims:
        sign_in_teams_sync(
            user=user, groups=claim_groups(claims[groups_claim]), now=now
        )
    elif groups_claim and groups_claim in (claims.get("_claim_names") or {}):
        # Microsoft Entra's "group overage": past 200 groups the token names
        # a Graph endpoint instead of listing them. Not knowing the groups is
        # not having none: the mapped teams stay as they are.
        logger.warning(
            "Sign-in of %s: the groups claim is an overage reference; "
            "mapped teams left unchanged (send group ids the app is assigned to, "
            "or fewer groups, in the token).",
            subject,
        )
    return user


def _identity_create(*, issuer: str, subject: str, wanted: dict, now):
    """A new person and their identity, ``(identity, True)``; or the winner's
    identity, ``(identity, False)``, if a twin sign-in raced us.

    Two first sign-ins of one person at once (two tabs) both find no
    identity. The person and identity are inserted in a savepoint: the loser
    hits a unique constraint (identity, or the username both chose), rolls
    back only the savepoint and reads the winner's identity.
    """
    model = get_user_model()
    user = model(
        username=_username(issuer=issuer, subject=subject, email=wanted["email"]),
        date_joined=now,
        **wanted,
    )
    user.set_unusable_password()
    user.full_clean(validate_unique=False, validate_constraints=False)
    identity = SignInIdentity(
        issuer=issuer, subject=subject, created_at=now, last_sign_in_at=now
    )
    try:
        with transaction.atomic():
            user.save()
            identity.user = user
            identity.full_clean(validate_unique=False, validate_constraints=False)
            identity.save()
    except IntegrityError:
        winner = (
            SignInIdentity.objects.select_related("user")
            .filter(issuer=issuer, subject=subject)
            .first()
        )
        if winner is None:
            raise
        return winner, False
    log(instance=user, action=PERSON_CREATE_ACTION, user=user, data={"issuer": issuer})
    return identity, True


def _person_update(*, user, wanted: dict) -> None:
    changed = [
        field
        for field, value in wanted.items()
        if value and getattr(user, field) != value
    ]
    if not changed:
        return
    for field in changed:
        setattr(user, field, wanted[field])
    user.full_clean(validate_unique=False, validate_constraints=False)
    user.save(update_fields=changed)
    log(
        instance=user,
        action=PERSON_UPDATE_ACTION,
        user=user,
        data={"fields": changed},
    )


@transaction.atomic
def sign_in_teams_sync(
    *, user, groups: Iterable[str], now: datetime.datetime | None = None
) -> None:
    """Make ``user``'s membership of mapped teams follow their groups claim.

    Joins the teams mapped to one of ``groups`` (``team_member_add`` enrols
    them in the team's assignments) and leaves the mapped teams none of them
    maps to. Teams without a mapping keep their members as edited by hand.
    """
    groups = set(groups)
    mappings = list(SignInGroupTeam.objects.select_related("team"))
    if not mappings:
        return
    wanted = {m.team_id for m in mappings if m.group in groups}
    mapped = {m.team_id for m in mappings}
    current = set(
        TeamMembership.objects.filter(learner=user, team_id__in=mapped).values_list(
            "team_id", flat=True
        )
    )
    teams = {m.team_id: m.team for m in mappings}
    for team_id in sorted(wanted - current):
        team_member_add(team=teams[team_id], learner=user, now=now)
    for team_id in sorted((mapped - wanted) & current):
        team_member_remove(team=teams[team_id], learner=user)
