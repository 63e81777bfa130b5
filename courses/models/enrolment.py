"""Who follows which course, how far they are, and when they finished it.

A translated course is the same course for everything here. Rows point at the
course's *canonical* page: the original page of its translation group (the one
the translations were copied from, i.e. the lowest primary key sharing its
``translation_key``). Reads match on ``translation_key``, so a learner who
switches language keeps their enrolment, progress and completion. Lesson
progress likewise points at the canonical lesson.

A course can be taken several times: each run is a *cycle* (1, 2, ...).
Recertification after a certificate expires starts a new cycle; lesson
progress and quiz passes count only for the cycle they happened in, and
completions of earlier cycles are kept.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class EnrolmentSource(models.TextChoices):
    """How an enrolment came about; assignments come from managers."""

    SELF = "self", _("Self-enrolment")
    ASSIGNMENT = "assignment", _("Assignment")


class Enrolment(models.Model):
    """A learner's place in a course; created by self-enrolment or an assignment."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="enrolments",
    )
    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("course"),
        on_delete=models.CASCADE,
        related_name="enrolments",
        help_text=_("The original-language page of the course."),
    )
    source = models.CharField(
        _("source"),
        max_length=20,
        choices=EnrolmentSource.choices,
        default=EnrolmentSource.SELF,
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    due_on = models.DateField(_("due date"), null=True, blank=True)
    language = models.CharField(
        _("language"),
        max_length=10,
        default=settings.LANGUAGE_CODE,
        help_text=_("Language of the emails sent about this enrolment."),
    )
    enrolled_at = models.DateTimeField(_("enrolled at"), default=timezone.now)
    cycle = models.PositiveSmallIntegerField(
        _("cycle"),
        default=1,
        help_text=_("1 for the first run of the course, 2 after a recertification…"),
    )
    cycle_started_at = models.DateTimeField(_("cycle started at"), default=timezone.now)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "course"], name="unique_enrolment_per_course"
            )
        ]

    def __str__(self):
        return f"{self.learner} → {self.course_id} (cycle {self.cycle})"


class LessonProgress(models.Model):
    """One lesson marked complete by the learner, within one cycle."""

    enrolment = models.ForeignKey(
        Enrolment,
        verbose_name=_("enrolment"),
        on_delete=models.CASCADE,
        related_name="lesson_progress",
    )
    lesson = models.ForeignKey(
        "courses.LessonPage",
        verbose_name=_("lesson"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The original-language page of the lesson."),
    )
    cycle = models.PositiveSmallIntegerField(_("cycle"))
    completed_at = models.DateTimeField(_("completed at"), default=timezone.now)

    class Meta:
        verbose_name = _("lesson progress")
        verbose_name_plural = _("lesson progress")
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "lesson", "cycle"],
                name="unique_lesson_progress_per_cycle",
            )
        ]

    def __str__(self):
        return f"{self.enrolment_id}: lesson {self.lesson_id} (cycle {self.cycle})"


class CourseCompletion(models.Model):
    """The moment a learner met the course's completion rule, once per cycle."""

    enrolment = models.ForeignKey(
        Enrolment,
        verbose_name=_("enrolment"),
        on_delete=models.CASCADE,
        related_name="completions",
    )
    cycle = models.PositiveSmallIntegerField(_("cycle"))
    completed_at = models.DateTimeField(_("completed at"), default=timezone.now)
    score_percent = models.DecimalField(
        _("final quiz score (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Empty when the course has no final quiz."),
    )

    class Meta:
        verbose_name = _("course completion")
        verbose_name_plural = _("course completions")
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "cycle"], name="unique_completion_per_cycle"
            )
        ]

    def __str__(self):
        return f"{self.enrolment_id}: completed cycle {self.cycle}"
