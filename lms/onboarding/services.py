"""Write-side services of the people import: upload, then apply.

``people_import_upload`` keeps the uploaded file on the server (bytes and
SHA-256, under a random token). ``people_import_apply`` re-reads those
bytes, plans them again (``planning``) and writes the plan in one
transaction, chunk by chunk with batched inserts and updates: a fixed
number of queries per ``planning.CHUNK_SIZE`` lines, plus the enrolments
that the teams' assignments give new members (``lms.teams.services``, as
when a member is added by hand). Any error line, or a new team not agreed
to, rolls everything back: nothing is half-applied.

Applying is idempotent twice over: the import remembers that it was applied
(a double click or a retried request gets the first result back), and the
same file applied again finds nothing to change.
"""

from __future__ import annotations

import datetime
import hashlib
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from core.people import person_languages_set
from lms.onboarding.models import PeopleImport
from lms.onboarding.planning import (
    NO_PEOPLE,
    Action,
    PlannedPerson,
    Teams,
    planned_chunks,
    username_for,
)
from lms.onboarding.reading import FileError, check_file
from lms.teams.access import MANAGERS_GROUP
from lms.teams.models import Team, TeamManagerRole, TeamMembership
from lms.teams.services import team_assignments_sync

FILE_TOO_LARGE = _(
    "The file is larger than %(size)s MB. Split it into several files and "
    "import them one after the other."
)
IMPORT_HAS_ERRORS = _(
    "The file has lines with errors. Correct them and upload the file again: "
    "nothing was imported."
)
IMPORT_NEW_TEAMS = _(
    "The file names teams that do not exist yet (%(teams)s). Tick the box to "
    "create them, or correct the file: nothing was imported."
)

UPLOAD_ACTION = "relais.people_import.upload"
APPLY_ACTION = "relais.people_import.apply"
BATCH_SIZE = 500


def max_bytes() -> int:
    return settings.RELAIS_PEOPLE_IMPORT_MAX_MB * 1024 * 1024


@transaction.atomic
def people_import_upload(
    *, content: bytes, filename: str, user, now: datetime.datetime | None = None
) -> PeopleImport:
    """Keep an uploaded people file for its dry run and apply.

    Refuses (``ValidationError``) a file too large, empty, or that is not a
    CSV or XLSX file; the lines themselves are checked by the dry run.
    """
    if len(content) > max_bytes():
        raise ValidationError(
            FILE_TOO_LARGE % {"size": settings.RELAIS_PEOPLE_IMPORT_MAX_MB}
        )
    try:
        check_file(content, filename)
    except FileError as error:
        raise ValidationError(error.message) from error
    people_import = PeopleImport(
        token=secrets.token_urlsafe(32),
        filename=(filename or "")[:255],
        content=content,
        sha256=hashlib.sha256(content).hexdigest(),
        uploaded_by=user,
        uploaded_at=now or timezone.now(),
    )
    people_import.full_clean()
    people_import.save()
    log(
        instance=people_import,
        action=UPLOAD_ACTION,
        user=user,
        data={"filename": people_import.filename, "sha256": people_import.sha256},
    )
    return people_import


class _Writer:
    """Writes planned chunks; counts what it wrote (the import's result)."""

    def __init__(self, *, teams: Teams, create_teams: bool, now) -> None:
        self.teams = teams
        self.create_teams = create_teams
        self.now = now
        self.counts = dict.fromkeys(Action.labels, 0)
        self.counts.update(teams_created=0, memberships=0, manager_roles=0)
        self.gained: set[int] = set()
        self.managers_group = Group.objects.filter(name=MANAGERS_GROUP).first()

    def new_teams(self, chunk: list[PlannedPerson]) -> None:
        """Create the chunk's new teams, if agreed to (batched)."""
        keys = {
            ref
            for planned in chunk
            for ref in (*planned.joins, *planned.manages)
            if isinstance(ref, str) and ref not in self.teams.existing
        }
        if not keys or not self.create_teams:
            return
        created = []
        for key in sorted(keys):
            team = Team(name=self.teams.new[key], created_at=self.now)
            team.full_clean(validate_unique=False, validate_constraints=False)
            created.append(team)
        Team.objects.bulk_create(created, batch_size=BATCH_SIZE)
        # Ids of the new rows (SQLite, unlike PostgreSQL, may not return them).
        for pk, name in Team.objects.filter(
            name__in=[team.name for team in created]
        ).values_list("pk", "name"):
            self.teams.add(pk, name)
        self.counts["teams_created"] += len(created)

    def team_id(self, ref) -> int:
        return self.teams.existing[ref][0] if isinstance(ref, str) else ref

    def write(self, chunk: list[PlannedPerson]) -> None:
        User = get_user_model()
        for planned in chunk:
            self.counts[planned.action] += 1
        chunk = [p for p in chunk if p.action in (Action.CREATE, Action.UPDATE)]
        if not chunk:
            return
        self.new_teams(chunk)
        new_users = []
        for planned in (p for p in chunk if p.user is None):
            user = User(
                username=username_for(planned.row.email),
                email=planned.row.email.strip(),
                # Unusable, as make_password(None) makes it, minus its slow
                # random-choice loop: sign-in is by OIDC or a password reset.
                password=UNUSABLE_PASSWORD_PREFIX + secrets.token_urlsafe(30),
                date_joined=self.now,
                **planned.names,
            )
            user.full_clean(validate_unique=False, validate_constraints=False)
            planned.user = user
            new_users.append(user)
        User.objects.bulk_create(new_users, batch_size=BATCH_SIZE)
        if any(user.pk is None for user in new_users):
            ids = dict(
                User.objects.filter(
                    username__in=[user.username for user in new_users]
                ).values_list("username", "pk")
            )
            for user in new_users:
                user.pk = ids[user.username]
        created = {user.pk for user in new_users}
        renamed = []
        for planned in chunk:
            if planned.names and planned.user.pk not in created:
                for name_field, value in planned.names.items():
                    setattr(planned.user, name_field, value)
                planned.user.full_clean(
                    validate_unique=False, validate_constraints=False
                )
                renamed.append(planned.user)
        User.objects.bulk_update(
            renamed, ["first_name", "last_name"], batch_size=BATCH_SIZE
        )
        person_languages_set(
            languages={p.user.pk: p.language for p in chunk if p.language}
        )
        self.memberships(chunk)

    def memberships(self, chunk: list[PlannedPerson]) -> None:
        joins = [
            TeamMembership(
                team_id=self.team_id(ref), learner_id=p.user.pk, joined_at=self.now
            )
            for p in chunk
            for ref in p.joins
        ]
        TeamMembership.objects.bulk_create(
            joins, batch_size=BATCH_SIZE, ignore_conflicts=True
        )
        self.gained.update(membership.team_id for membership in joins)
        roles = [
            TeamManagerRole(team_id=self.team_id(ref), manager_id=p.user.pk)
            for p in chunk
            for ref in p.manages
        ]
        TeamManagerRole.objects.bulk_create(
            roles, batch_size=BATCH_SIZE, ignore_conflicts=True
        )
        if roles and self.managers_group is not None:
            # Managers see their teams' reports through the Managers group.
            Through = get_user_model().groups.through
            Through.objects.bulk_create(
                [
                    Through(user_id=user_id, group_id=self.managers_group.pk)
                    for user_id in {role.manager_id for role in roles}
                ],
                batch_size=BATCH_SIZE,
                ignore_conflicts=True,
            )
        self.counts["memberships"] += len(joins)
        self.counts["manager_roles"] += len(roles)


@transaction.atomic
def people_import_apply(
    *,
    people_import: PeopleImport,
    user,
    create_teams: bool = False,
    now: datetime.datetime | None = None,
) -> dict:
    """Apply an uploaded file, all or nothing; returns what it changed.

    Counts by ``planning.Action`` plus ``teams_created``, ``memberships``
    and ``manager_roles``. Applied already (double click, retry): returns
    the first result and writes nothing. Raises ``ValidationError`` (and
    writes nothing) when the file has error lines, or names new teams and
    ``create_teams`` is false. New members of teams with assignments are
    enrolled in them (``lms.teams.services.team_assignments_sync``).
    """
    now = now or timezone.now()
    locked = PeopleImport.objects.select_for_update().get(pk=people_import.pk)
    if locked.applied_at is not None:
        return locked.result
    teams = Teams.load()
    writer = _Writer(teams=teams, create_teams=create_teams, now=now)
    refused = False
    try:
        for chunk in planned_chunks(bytes(locked.content), locked.filename, teams):
            if any(planned.errors for planned in chunk):
                raise ValidationError(IMPORT_HAS_ERRORS)
            # New teams not agreed to: read on, to name them all, write no more.
            refused = refused or (bool(teams.new) and not create_teams)
            if not refused:
                writer.write(chunk)
    except FileError as error:
        raise ValidationError(error.message) from error
    if refused:
        # The transaction rolls back what earlier chunks wrote.
        names = ", ".join(sorted(teams.new.values(), key=str.casefold))
        raise ValidationError(IMPORT_NEW_TEAMS % {"teams": names})
    if not sum(writer.counts[action] for action in Action.labels):
        raise ValidationError(NO_PEOPLE)
    for team in Team.objects.filter(
        pk__in=writer.gained, assignments__isnull=False
    ).distinct():
        team_assignments_sync(team=team)
    locked.applied_at = now
    locked.applied_by = user
    locked.result = writer.counts
    locked.full_clean(exclude=["content"])
    # The file has done its work, and it lists everyone in it: keep the counts.
    locked.content = b""
    locked.save(update_fields=["applied_at", "applied_by", "result", "content"])
    log(instance=locked, action=APPLY_ACTION, user=user, data=writer.counts)
    return writer.counts


@transaction.atomic
def people_imports_purge(
    *, keep_days: int, now: datetime.datetime | None = None
) -> int:
    """Delete uploaded people files never applied, ``keep_days`` after upload.

    An applied file's content is emptied when it is applied; one left at its
    dry run still lists names and emails, so it goes once its dry run is stale.
    Its audit log entries stay. Returns how many were deleted; idempotent.
    """
    if keep_days < 1:
        raise ValueError("keep_days must be at least 1")
    cutoff = (now or timezone.now()) - datetime.timedelta(days=keep_days)
    deleted, _ = PeopleImport.objects.filter(
        applied_at__isnull=True, uploaded_at__lt=cutoff
    ).delete()
    return deleted
