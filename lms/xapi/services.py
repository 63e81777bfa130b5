"""The xAPI outbox: recording statements with their events, and delivering them.

``statement_record`` runs inside the event's own transaction, so a statement
exists exactly when its event does. ``outbox_deliver`` sends pending ones to
the LRS in creation order, in batches, and retries with backoff; it is what the
background task and the ``deliver_xapi_statements`` command run.
"""

import dataclasses
from datetime import datetime, timedelta

import requests
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from core.db import get_or_create
from lms.xapi.models import OutboxStatement
from lms.xapi.selectors import pending_statements

#: Backoff after the n-th failed try: 30 s, 1 min, 2 min, … capped at an hour.
FIRST_RETRY_SECONDS = 30
MAX_RETRY_SECONDS = 3600
CONNECT_TIMEOUT, READ_TIMEOUT = 3, 30


def xapi_enabled() -> bool:
    """Statements are recorded only when an LRS is configured."""
    return bool(settings.RELAIS_XAPI_ENDPOINT)


def backoff(tries: int) -> timedelta:
    return timedelta(
        seconds=min(FIRST_RETRY_SECONDS * 2 ** (tries - 1), MAX_RETRY_SECONDS)
    )


@transaction.atomic
def statement_record(*, learner_id: int, verb: str, statement: dict) -> OutboxStatement:
    """Add a statement to the outbox; idempotent by statement id.

    Delivery is queued after commit: nothing is sent for a rolled-back event.
    """
    row, created = get_or_create(
        OutboxStatement,
        {"statement_id": statement["id"]},
        {"learner_id": learner_id, "verb": verb, "statement": statement},
    )
    if created:
        # Imported here: tasks import this module (a cycle).
        from lms.xapi.tasks import deliver_statements

        transaction.on_commit(lambda: deliver_statements.enqueue(), robust=True)
    return row


@dataclasses.dataclass
class DeliveryReport:
    """What one delivery run did."""

    delivered: int = 0
    failed: int = 0
    waiting: int = 0
    error: str = ""


def _post(statements: list[dict]) -> None:
    """POST a batch to the LRS; raises on anything but success."""
    response = requests.post(
        settings.RELAIS_XAPI_ENDPOINT.rstrip("/") + "/statements",
        json=statements,
        auth=(settings.RELAIS_XAPI_USERNAME, settings.RELAIS_XAPI_PASSWORD),
        headers={"X-Experience-API-Version": "1.0.3"},
        timeout=(CONNECT_TIMEOUT, READ_TIMEOUT),
    )
    # 200: stored; 204: all already stored (a retry whose answer was lost).
    if response.status_code not in (200, 204):
        raise requests.HTTPError(
            f"LRS answered {response.status_code}: {response.text[:300]}"
        )


def outbox_deliver(
    *, now: datetime | None = None, batch: int | None = None
) -> DeliveryReport:
    """Send due statements, oldest first, keeping each learner's order.

    A learner whose oldest pending statement is not due yet (it is backing
    off) has none of their later ones sent either. One batch per run; the
    task runs again after each new event, and the command on a schedule.
    """
    report = DeliveryReport()
    if not xapi_enabled():
        return report
    now = now or timezone.now()
    batch = batch or settings.RELAIS_XAPI_BATCH_SIZE
    with transaction.atomic():
        rows = pending_statements(now=now, limit=batch)
        held_back: set[int] = set()
        due = []
        for row in rows:
            if row.learner_id in held_back or row.next_try_at > now:
                held_back.add(row.learner_id)
                report.waiting += 1
            else:
                due.append(row)
        if not due:
            return report
        try:
            _post([row.statement for row in due])
        except requests.RequestException as error:
            report.failed, report.error = len(due), str(error)[:1000]
            for row in due:
                row.tries += 1
                row.next_try_at = now + backoff(row.tries)
                row.last_error = report.error
            OutboxStatement.objects.bulk_update(
                due, ["tries", "next_try_at", "last_error"]
            )
            return report
        OutboxStatement.objects.filter(pk__in=[row.pk for row in due]).update(
            delivered_at=now, last_error=""
        )
        report.delivered = len(due)
    return report


def outbox_deliver_all(*, now: datetime | None = None) -> DeliveryReport:
    """Deliver batch after batch until nothing due is left or the LRS fails."""
    total = DeliveryReport()
    while True:
        report = outbox_deliver(now=now)
        total.delivered += report.delivered
        total.failed += report.failed
        total.waiting = report.waiting
        total.error = report.error or total.error
        if report.failed or not report.delivered:
            return total
