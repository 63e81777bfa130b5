"""Race-safe get-or-create: the database's unique constraint decides.

Services that must be idempotent under double clicks, two tabs, retried tasks
and concurrent requests create rows through :func:`get_or_create`: whoever
loses the race gets the winner's row. Unlike ``QuerySet.get_or_create`` it
validates the new row with ``full_clean`` before inserting it.
"""

from django.db import IntegrityError, models, transaction


def get_or_create(
    model: type[models.Model], lookup: dict, defaults: dict | None = None
) -> tuple[models.Model, bool]:
    """The row matching ``lookup``, or a new validated one; ``(row, created)``.

    Reads first, so the common case (the row exists) costs one query and no
    savepoint. Must run inside a transaction (see :func:`create_or_get`).
    """
    existing = model.objects.filter(**lookup).first()
    if existing is not None:
        return existing, False
    return create_or_get(model, lookup, defaults)


def create_or_get(
    model: type[models.Model], lookup: dict, defaults: dict | None = None
) -> tuple[models.Model, bool]:
    """Validate and insert the row; if a unique constraint refuses it, fetch it.

    ``full_clean`` skips uniqueness and constraint checks on purpose: checking
    them in Python would race. The insert runs in a savepoint, so a unique
    violation rolls back only the insert and the caller's transaction goes on
    (PostgreSQL refuses every statement after an error outside a savepoint).
    The row is then read by ``lookup``: under READ COMMITTED the winner has
    committed by the time our insert failed, so it is visible.
    """
    instance = model(**lookup, **(defaults or {}))
    instance.full_clean(validate_unique=False, validate_constraints=False)
    try:
        with transaction.atomic():
            instance.save(force_insert=True)
    except IntegrityError:
        return model.objects.get(**lookup), False
    return instance, True
