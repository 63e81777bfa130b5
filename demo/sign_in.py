"""Demo company sign-in: the test provider's group mapped to a demo team.

``make demo`` runs the test OpenID Connect provider (tests/oidc_provider)
with a person in the group "Service client"; this maps that group to the
demo team "Service client – Montréal", so signing in as them shows the
mapping at work (they join the team and get its assignment). Re-runnable.
"""

from core.db import get_or_create
from lms.accounts.models import SignInGroupTeam
from lms.teams.models import Team

DEMO_GROUP = "Service client"
DEMO_TEAM = "Service client – Montréal"


def seed_demo_sign_in() -> SignInGroupTeam | None:
    """Map the provider's demo group to the demo team, if the team exists."""
    team = Team.objects.filter(name=DEMO_TEAM).first()
    if team is None:
        return None
    mapping, _created = get_or_create(
        SignInGroupTeam, {"group": DEMO_GROUP, "team": team}, {}
    )
    return mapping
