"""Relais's bottom layer: what every app builds on, importing none of them.

Nothing here imports ``quizzes``, ``courses`` or ``lms`` (tests/test_layers.py).
The API, module by module (docs/ARCHITECTURE.md):

* ``core.ids``: ids read from URLs and query strings, or nothing.
* ``core.version``: the content version that keys every render cache.
* ``core.caching``: versioned cache keys and the ``cached`` memo.
* ``core.sql``: model rows read with a plain cursor, converted as the ORM would.
* ``core.auth``: the request's user and its admin access in one query.
* ``core.serving``: Wagtail's serve with a cached route, whole pages for
  visitors, and page skeletons with personal parts for signed-in learners.
* ``core.emails``: a templated email in the recipient's language.
* ``core.db``: race-safe get-or-create.
"""
