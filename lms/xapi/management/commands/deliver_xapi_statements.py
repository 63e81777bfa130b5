"""Deliver the xAPI outbox to the LRS (cron: every minute).

Each new event already queues a delivery; this picks up what failed and is
due for another try (after a backoff), e.g. once the LRS is back.
"""

from django.core.management.base import BaseCommand

from lms.xapi.services import outbox_deliver_all, xapi_enabled


class Command(BaseCommand):
    help = "Send pending xAPI statements to the LRS, oldest first."

    def handle(self, *args, **options):
        if not xapi_enabled():
            self.stdout.write(
                "No LRS configured (RELAIS_XAPI_ENDPOINT): nothing to do."
            )
            return
        report = outbox_deliver_all()
        self.stdout.write(
            f"Delivered {report.delivered}; failed {report.failed}; "
            f"waiting {report.waiting}."
            + (f" Last error: {report.error}" if report.error else "")
        )
