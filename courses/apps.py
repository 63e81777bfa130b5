from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    """Courses and lessons (Wagtail pages), enrolment, progress, certificates."""

    name = "courses"
    verbose_name = _("Courses")

    def ready(self):
        from . import receivers  # noqa: F401  (connects signal receivers)
