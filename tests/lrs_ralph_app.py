"""Ralph's LRS app, run by ``tests/lrs.py`` inside Ralph's own virtualenv.

Ralph 5.1's filesystem backend writes every POST with the "create" operation,
which refuses an existing file: its first POST succeeds and every later one
fails with "Statements bulk indexation failed". Appending is what its
filesystem LRS file needs (the backend supports it); everything else, from
statement validation to duplicate detection and queries, is Ralph's own.
"""

from ralph.backends.data.base import BaseOperationType
from ralph.backends.data.fs import FSDataBackend

FSDataBackend.default_operation_type = BaseOperationType.APPEND

from ralph.api import app  # noqa: E402  (after the fix above)

__all__ = ["app"]
