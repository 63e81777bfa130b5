"""Background delivery of the xAPI outbox (django-tasks)."""

from django_tasks import task

from lms.xapi.services import outbox_deliver_all


@task()
def deliver_statements() -> int:
    """Deliver what is due; failed statements wait for their next try."""
    return outbox_deliver_all().delivered
