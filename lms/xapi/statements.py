"""xAPI 1.0.3 statements, built from Relais's records (pure functions).

Activity ids are stable public URLs under ``/xapi/activities/`` keyed by
Wagtail's ``translation_key``, so a course, lesson, quiz or question is one
activity in every language, with its names as language maps (FR and EN).
Actors are pseudonymous accounts (the site and the user's id): the LRS gets
no name or email.
"""

import uuid
from datetime import UTC, datetime
from decimal import Decimal

from django.conf import settings
from django.urls import reverse

XAPI_VERSION = "1.0.3"

#: verb → (IRI, display language map).
VERBS = {
    "registered": (
        "http://adlnet.gov/expapi/verbs/registered",
        {"en": "registered", "fr": "s’est inscrit"},
    ),
    "experienced": (
        "http://adlnet.gov/expapi/verbs/experienced",
        {"en": "experienced", "fr": "a suivi"},
    ),
    "attempted": (
        "http://adlnet.gov/expapi/verbs/attempted",
        {"en": "attempted", "fr": "a commencé une tentative"},
    ),
    "answered": (
        "http://adlnet.gov/expapi/verbs/answered",
        {"en": "answered", "fr": "a répondu"},
    ),
    "passed": (
        "http://adlnet.gov/expapi/verbs/passed",
        {"en": "passed", "fr": "a réussi"},
    ),
    "failed": (
        "http://adlnet.gov/expapi/verbs/failed",
        {"en": "failed", "fr": "a échoué"},
    ),
    "completed": (
        "http://adlnet.gov/expapi/verbs/completed",
        {"en": "completed", "fr": "a terminé"},
    ),
    "earned": (
        "http://id.tincanapi.com/verb/earned",
        {"en": "earned", "fr": "a obtenu"},
    ),
}

ACTIVITY_TYPES = {
    "course": "http://adlnet.gov/expapi/activities/course",
    "lesson": "http://adlnet.gov/expapi/activities/lesson",
    "quiz": "http://adlnet.gov/expapi/activities/assessment",
    "question": "http://adlnet.gov/expapi/activities/cmi.interaction",
    "certificate": "http://id.tincanapi.com/activitytype/certificate",
}


def base_url() -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def statement_id(event_key: str) -> uuid.UUID:
    """The statement id of an event: UUIDv5 of the site and the event's key."""
    return uuid.uuid5(uuid.uuid5(uuid.NAMESPACE_URL, base_url()), event_key)


def timestamp(moment: datetime) -> str:
    return (
        moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    )


def actor(learner_id: int) -> dict:
    return {
        "objectType": "Agent",
        "account": {"homePage": base_url() + "/", "name": str(learner_id)},
    }


def activity_id(kind: str, key) -> str:
    return base_url() + reverse("xapi:activity", args=[kind, str(key)])


def activity(kind: str, key, names: dict[str, str]) -> dict:
    return {
        "objectType": "Activity",
        "id": activity_id(kind, key),
        "definition": {
            "type": ACTIVITY_TYPES[kind],
            "name": dict(sorted(names.items())),
        },
    }


def verb(name: str) -> dict:
    iri, display = VERBS[name]
    return {"id": iri, "display": display}


def score(*, points, max_points) -> dict:
    points, max_points = Decimal(points or 0), Decimal(max_points or 0)
    scaled = points / max_points if max_points else Decimal(0)
    return {
        "scaled": float(round(scaled, 4)),
        "raw": float(points),
        "min": 0.0,
        "max": float(max_points),
    }


def statement(
    *,
    event_key: str,
    learner_id: int,
    verb_name: str,
    obj: dict,
    when: datetime,
    language: str,
    result: dict | None = None,
    parents: list[dict] | None = None,
    registration: uuid.UUID | None = None,
) -> dict:
    """One complete statement, its id derived from ``event_key``."""
    data = {
        "id": str(statement_id(event_key)),
        "actor": actor(learner_id),
        "verb": verb(verb_name),
        "object": obj,
        "timestamp": timestamp(when),
        "version": XAPI_VERSION,
        "context": {"language": language, "platform": "Relais"},
    }
    if result is not None:
        data["result"] = result
    if parents:
        data["context"]["contextActivities"] = {"parent": parents}
    if registration is not None:
        data["context"]["registration"] = str(registration)
    return data


def registration(enrolment_id: int, cycle: int) -> uuid.UUID:
    """The xAPI registration of one cycle of an enrolment."""
    return statement_id(f"registration:{enrolment_id}:{cycle}")
