"""The dry run of a people file: per line, what would change, and every error.

One plan serves the dry-run page and the apply (``services``): the file is
read in chunks of ``CHUNK_SIZE`` rows, and each chunk costs a fixed number of
queries (people by email, their teams, their manager roles, their
languages), whatever its size. Nothing here writes.

The rules a line is held to, each with a message a person understands:
an email address is required and valid, appears once in the file and
matches at most one account; the language is one Relais speaks; names and
team names fit their columns. A blank cell changes nothing (it never erases
a name). Teams are matched by name, ignoring case and extra spaces; teams
that do not exist yet are listed, to be created on request.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from wagtail.users.models import UserProfile

from core.people import spoken_language
from lms.onboarding.reading import FileError, PersonRow, read_people
from lms.teams.models import Team, TeamManagerRole, TeamMembership

CHUNK_SIZE = 1000
PREVIEW_LINES = 200

EMAIL_MISSING = _("The email address is missing.")
EMAIL_INVALID = _("“%(email)s” is not a valid email address.")
EMAIL_TWICE = _("“%(email)s” is already on line %(line)s.")
EMAIL_AMBIGUOUS = _(
    "Several accounts use “%(email)s”: merge or correct them in Users first."
)
USERNAME_TAKEN = _(
    "Another account already has the username “%(username)s”: correct it in "
    "Users first."
)
LANGUAGE_UNKNOWN = _(
    "Unknown language “%(language)s”: write fr (français) or en (English)."
)
EXTRA_CELLS = _(
    "This line has more cells than there are columns: is there a ; inside a "
    "cell? Separate teams with | or put the cell in quotes."
)
NAME_TOO_LONG = _("The name “%(name)s” is longer than %(max)s characters.")
TEAM_TOO_LONG = _("The team name “%(team)s” is longer than %(max)s characters.")

CHANGE_NEW = _("new account")
CHANGE_NAME = _("name: %(old)s → %(new)s")
CHANGE_LANGUAGE = _("language: %(language)s")
CHANGE_JOINS = _("joins %(teams)s")
CHANGE_MANAGES = _("manager of %(teams)s")
CHANGE_NEW_TEAM = _("%(team)s (new team)")

# Language names as people write them, besides codes such as "fr" or "en-CA".
LANGUAGE_NAMES = {
    "francais": "fr",
    "français": "fr",
    "french": "fr",
    "anglais": "en",
    "english": "en",
}

NAME_MAX = 150
TEAM_MAX = Team._meta.get_field("name").max_length


class Action:
    """What applying the file does to one line's person."""

    CREATE = "create"
    UPDATE = "update"
    UNCHANGED = "unchanged"
    ERROR = "error"

    labels = {
        CREATE: _("Create"),
        UPDATE: _("Update"),
        UNCHANGED: _("Unchanged"),
        ERROR: _("Error"),
    }


def team_key(name: str) -> str:
    return " ".join(name.split()).casefold()


def username_for(email: str) -> str:
    """A new account's username: its email address, in the characters allowed."""
    return re.sub(r"[^\w.@+-]", "_", email.strip().lower())[:150]


def language_code(text: str | None) -> str | None:
    if not text:
        return None
    return spoken_language(LANGUAGE_NAMES.get(text.strip().lower(), text.strip()))


@dataclass
class PlannedPerson:
    """One line of the file, planned: its person (if known) and its changes.

    ``user`` is the existing account, or None for a new one. The other
    fields are what applying writes: ``names`` to set, ``language`` to set,
    team ids (or new-team keys) to join and to manage.
    """

    row: PersonRow
    user: object | None = None
    errors: list = field(default_factory=list)
    names: dict = field(default_factory=dict)
    language: str | None = None
    joins: list = field(default_factory=list)
    manages: list = field(default_factory=list)

    @property
    def action(self) -> str:
        if self.errors:
            return Action.ERROR
        if self.user is None:
            return Action.CREATE
        if self.names or self.language or self.joins or self.manages:
            return Action.UPDATE
        return Action.UNCHANGED


@dataclass
class Teams:
    """The teams the file names: existing ones by key, and new ones."""

    existing: dict[str, tuple[int, str]]
    new: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls) -> Teams:
        rows = Team.objects.values_list("pk", "name")
        return cls({team_key(name): (pk, name) for pk, name in rows})

    def add(self, pk: int, name: str) -> None:
        self.existing[team_key(name)] = (pk, name)

    def resolve(self, name: str):
        """A team's id, or its key when it does not exist yet (and note it)."""
        key = team_key(name)
        if key in self.existing:
            return self.existing[key][0]
        self.new.setdefault(key, name)
        return key

    def label(self, ref) -> str:
        if isinstance(ref, str):
            return str(CHANGE_NEW_TEAM % {"team": self.new[ref]})
        return next(name for pk, name in self.existing.values() if pk == ref)

    def refs(self, names) -> list:
        """Ids (or new-team keys) of ``names``, each once, in order."""
        return list(dict.fromkeys(map(self.resolve, names)))


@dataclass
class Chunk:
    """What the database knows of one chunk's people (four queries)."""

    users: dict[str, list]
    usernames: dict[str, object]
    languages: dict[int, str]
    teams_of: dict[int, set]
    managed_by: dict[int, set]


def _chunk_facts(rows: list[PersonRow]) -> Chunk:
    User = get_user_model()
    keys = {row.email.strip().lower() for row in rows if row.email}
    usernames_wanted = {username_for(key) for key in keys}
    users: dict[str, list] = {}
    usernames: dict[str, object] = {}
    found = User.objects.annotate(email_key=Lower("email")).filter(
        Q(email_key__in=keys) | Q(username__in=usernames_wanted)
    )
    for user in found:
        if user.email_key in keys:
            users.setdefault(user.email_key, []).append(user)
        if user.username in usernames_wanted:
            usernames[user.username] = user
    ids = [user.pk for matches in users.values() for user in matches]
    languages = dict(
        UserProfile.objects.filter(user_id__in=ids).values_list(
            "user_id", "preferred_language"
        )
    )
    teams_of: dict[int, set] = {}
    for learner_id, team_id in TeamMembership.objects.filter(
        learner_id__in=ids
    ).values_list("learner_id", "team_id"):
        teams_of.setdefault(learner_id, set()).add(team_id)
    managed_by: dict[int, set] = {}
    for manager_id, team_id in TeamManagerRole.objects.filter(
        manager_id__in=ids
    ).values_list("manager_id", "team_id"):
        managed_by.setdefault(manager_id, set()).add(team_id)
    return Chunk(users, usernames, languages, teams_of, managed_by)


def _check(row: PersonRow, key: str, seen: dict[str, int]) -> list:
    errors = [EXTRA_CELLS] if row.extra_cells else []
    if not key:
        return [*errors, EMAIL_MISSING]
    try:
        validate_email(key)
    except ValidationError:
        errors.append(EMAIL_INVALID % {"email": row.email})
    if key in seen:
        errors.append(EMAIL_TWICE % {"email": row.email, "line": seen[key]})
    else:
        seen[key] = row.line
    if row.language and not language_code(row.language):
        errors.append(LANGUAGE_UNKNOWN % {"language": row.language})
    for name in (row.first_name, row.last_name):
        if name and len(name) > NAME_MAX:
            errors.append(NAME_TOO_LONG % {"name": name, "max": NAME_MAX})
    for team in (*row.teams, *row.manager_of):
        if len(team) > TEAM_MAX:
            errors.append(TEAM_TOO_LONG % {"team": team, "max": TEAM_MAX})
    return errors


def _plan_row(row: PersonRow, facts: Chunk, teams: Teams, seen) -> PlannedPerson:
    key = row.email.strip().lower()
    planned = PlannedPerson(row=row, errors=_check(row, key, seen))
    if planned.errors:
        return planned
    matches = facts.users.get(key, [])
    if len(matches) > 1:
        planned.errors.append(EMAIL_AMBIGUOUS % {"email": row.email})
        return planned
    user = matches[0] if matches else None
    if user is None and username_for(key) in facts.usernames:
        planned.errors.append(USERNAME_TAKEN % {"username": username_for(key)})
        return planned
    planned.user = user
    for name_field in ("first_name", "last_name"):
        value = getattr(row, name_field)
        if value and (user is None or getattr(user, name_field) != value):
            planned.names[name_field] = value
    language = language_code(row.language)
    if language and (user is None or facts.languages.get(user.pk) != language):
        planned.language = language
    member_of = facts.teams_of.get(user.pk, set()) if user else set()
    managing = facts.managed_by.get(user.pk, set()) if user else set()
    planned.joins = [ref for ref in teams.refs(row.teams) if ref not in member_of]
    planned.manages = [ref for ref in teams.refs(row.manager_of) if ref not in managing]
    return planned


def _chunks(rows: Iterable[PersonRow]) -> Iterator[list[PersonRow]]:
    iterator = iter(rows)
    while chunk := list(islice(iterator, CHUNK_SIZE)):
        yield chunk


def planned_chunks(
    content: bytes, filename: str, teams: Teams
) -> Iterator[list[PlannedPerson]]:
    """The file's lines, planned chunk by chunk. Raises ``FileError``."""
    seen: dict[str, int] = {}
    for rows in _chunks(read_people(content, filename)):
        facts = _chunk_facts(rows)
        yield [_plan_row(row, facts, teams, seen) for row in rows]


@dataclass(frozen=True)
class LineReport:
    """One line as the dry-run page shows it."""

    line: int
    email: str
    action: str
    details: tuple[str, ...]

    @property
    def action_label(self):
        return Action.labels[self.action]


def describe(planned: PlannedPerson, teams: Teams) -> LineReport:
    """The line's changes, or its errors, in words."""
    if planned.errors:
        details = tuple(str(error) for error in planned.errors)
    else:
        details = []
        if planned.user is None:
            details.append(str(CHANGE_NEW))
        elif planned.names:
            old = f"{planned.user.first_name} {planned.user.last_name}".strip()
            new_names = {
                "first_name": planned.user.first_name,
                "last_name": planned.user.last_name,
                **planned.names,
            }
            new = f"{new_names['first_name']} {new_names['last_name']}".strip()
            details.append(str(CHANGE_NAME % {"old": old or "—", "new": new}))
        if planned.language:
            details.append(str(CHANGE_LANGUAGE % {"language": planned.language}))
        if planned.joins:
            names = ", ".join(teams.label(ref) for ref in planned.joins)
            details.append(str(CHANGE_JOINS % {"teams": names}))
        if planned.manages:
            names = ", ".join(teams.label(ref) for ref in planned.manages)
            details.append(str(CHANGE_MANAGES % {"teams": names}))
        details = tuple(details)
    return LineReport(planned.row.line, planned.row.email, planned.action, details)


@dataclass
class ImportPlan:
    """The dry run of a file: counts, every error line, a preview, new teams."""

    file_error: str = ""
    counts: dict = field(default_factory=lambda: dict.fromkeys(Action.labels, 0))
    errors: list[LineReport] = field(default_factory=list)
    preview: list[LineReport] = field(default_factory=list)
    new_teams: list[str] = field(default_factory=list)

    @property
    def rows(self) -> int:
        return sum(self.counts.values())

    @property
    def can_apply(self) -> bool:
        return not self.file_error and not self.errors and self.rows > 0

    @property
    def changes(self) -> int:
        return self.counts[Action.CREATE] + self.counts[Action.UPDATE]


NO_PEOPLE = _("The file names its columns but lists nobody.")


def import_plan(*, content: bytes, filename: str = "") -> ImportPlan:
    """The dry run of a people file (see the module docstring); writes nothing.

    Queries: one for the teams, then four per ``CHUNK_SIZE`` lines.
    """
    plan = ImportPlan()
    teams = Teams.load()
    try:
        for chunk in planned_chunks(content, filename, teams):
            for planned in chunk:
                plan.counts[planned.action] += 1
                if planned.errors:
                    plan.errors.append(describe(planned, teams))
                elif len(plan.preview) < PREVIEW_LINES:
                    plan.preview.append(describe(planned, teams))
    except FileError as error:
        return ImportPlan(file_error=str(error.message))
    if not plan.rows:
        return ImportPlan(file_error=str(NO_PEOPLE))
    plan.new_teams = sorted(teams.new.values(), key=str.casefold)
    return plan
