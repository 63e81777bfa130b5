"""Learner-facing URLs of the courses app (outside the Wagtail page tree).

Included at /<lang>/learn/.
"""

from django.urls import path

from courses import views

app_name = "courses"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("courses/<id:course_id>/enrol/", views.enrol, name="enrol"),
    path("courses/<id:course_id>/restart/", views.course_restart, name="restart"),
    path(
        "lessons/<id:lesson_id>/complete/",
        views.lesson_complete,
        name="lesson_complete",
    ),
    path(
        "charters/<id:charter_id>/acknowledge/",
        views.charter_acknowledge,
        name="charter_acknowledge",
    ),
    path("certificates/<id:pk>/pdf/", views.certificate_pdf, name="certificate_pdf"),
]
