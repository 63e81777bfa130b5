"""Model rows read with a plain cursor, converted as the ORM would convert them.

For the few queries every learner page runs (the request's user, the
enrolment with its lessons done, the final quiz's attempts): building them
with the ORM, or reading them through ``Manager.raw``, costs several times
what the database spends on them (docs/PERFORMANCE.md). These helpers keep
the ORM's semantics: each column goes through the database backend's and the
field's converters (SQLite returns booleans as integers, decimals as floats
and datetimes naive, for instance) and instances are built with
``Model.from_db``, so they behave like any loaded instance.
"""

from collections.abc import Sequence
from functools import cache

from django.db import connections, router


@cache
def _converters(model, attnames: tuple, alias: str) -> tuple:
    db = connections[alias]
    fields = {field.attname: field for field in model._meta.concrete_fields}
    found = []
    for index, attname in enumerate(attnames):
        column = fields[attname].get_col(model._meta.db_table)
        functions = db.ops.get_db_converters(column) + fields[
            attname
        ].get_db_converters(db)
        if functions:
            found.append((index, tuple(functions), column))
    return tuple(found)


def select_columns(model, attnames: Sequence[str], alias: str = "t") -> str:
    """``alias.col1, alias.col2, …`` for ``attnames`` of ``model``, quoted."""
    quote = connections[router.db_for_read(model)].ops.quote_name
    fields = {field.attname: field for field in model._meta.concrete_fields}
    return ", ".join(f"{alias}.{quote(fields[name].column)}" for name in attnames)


def fetch_rows(
    model, attnames: Sequence[str], sql: str, params, *, using: str | None = None
) -> list[list]:
    """Rows of ``sql`` whose first columns are ``attnames`` of ``model``, converted.

    Columns after those come back as the database gives them. ``using``: the
    database alias (default: where the router reads ``model``; give the
    write alias for a ``SELECT … FOR UPDATE``).
    """
    alias = using or router.db_for_read(model)
    db = connections[alias]
    with db.cursor() as cursor:
        cursor.execute(sql, params)
        rows = [list(row) for row in cursor.fetchall()]
    converters = _converters(model, tuple(attnames), alias)
    for row in rows:
        for index, functions, column in converters:
            for function in functions:
                row[index] = function(row[index], column, db)
    return rows


def fetch_instances(
    model, attnames: Sequence[str], sql: str, params, *, using: str | None = None
) -> list[tuple]:
    """``(instance, extra columns)`` for each row of ``sql``.

    The first columns are ``attnames`` of ``model`` (the others are deferred,
    as with ``only()``); any columns after them come back in the tuple.
    """
    alias = using or router.db_for_read(model)
    count = len(attnames)
    return [
        (model.from_db(alias, list(attnames), row[:count]), tuple(row[count:]))
        for row in fetch_rows(model, attnames, sql, params, using=alias)
    ]
