"""Learner-facing URLs of the courses app (outside the Wagtail page tree).

Included at /<lang>/learn/.
"""

from django.urls import path

from courses import views

app_name = "courses"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("courses/<int:course_id>/enrol/", views.enrol, name="enrol"),
    path("courses/<int:course_id>/restart/", views.course_restart, name="restart"),
    path(
        "lessons/<int:lesson_id>/complete/",
        views.lesson_complete,
        name="lesson_complete",
    ),
    path("certificates/<int:pk>/pdf/", views.certificate_pdf, name="certificate_pdf"),
]
