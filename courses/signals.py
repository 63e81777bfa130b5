"""Signals other apps listen to (e.g. ``lms.xapi``, ``lms.credentials``).

Each is sent inside the transaction of the service that makes the change,
once, when the row is first created. Receivers must be idempotent.
"""

from django.dispatch import Signal

#: A learner enrolled in a course. Keyword argument: ``enrolment``.
enrolled = Signal()

#: A learner marked a lesson complete (this cycle). Keyword argument: ``progress``.
lesson_completed = Signal()

#: A cycle of a course was completed. Keyword argument: ``completion``.
course_completed = Signal()

#: A certificate was issued. Keyword argument: ``certificate``.
certificate_issued = Signal()
