"""Background tasks (django-tasks): the emails courses sends.

Tasks take primary keys, not objects, so any backend can queue them, and they
re-read their rows: a row deleted meanwhile means there is nothing to send.
Services enqueue them on commit. The immediate backend runs them at once
(the default); production uses ``django_tasks_db.DatabaseBackend`` and a
``manage.py db_worker`` process.
"""

from django_tasks import task

from courses import emails
from courses.models import Certificate, CertificateReminder, Enrolment


@task()
def send_enrolment_confirmation(enrolment_id: int) -> bool:
    """Tell a learner they are enrolled, with the course link and any due date."""
    enrolment = (
        Enrolment.objects.select_related("learner", "course")
        .filter(pk=enrolment_id)
        .first()
    )
    return bool(enrolment) and emails.send_enrolment_confirmation(enrolment=enrolment)


@task()
def send_certificate_issued(certificate_id: int) -> bool:
    """Congratulate a learner on a new certificate, with download and verify links."""
    certificate = (
        Certificate.objects.select_related("learner").filter(pk=certificate_id).first()
    )
    return bool(certificate) and emails.send_certificate_issued(certificate=certificate)


@task()
def send_certificate_expiring(reminder_id: int) -> bool:
    """Warn a learner that a certificate expires soon (one reminder stage)."""
    reminder = (
        CertificateReminder.objects.select_related("certificate__learner")
        .filter(pk=reminder_id)
        .first()
    )
    return bool(reminder) and emails.send_certificate_expiring(reminder=reminder)
