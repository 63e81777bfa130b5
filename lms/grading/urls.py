"""Admin URLs of grading (registered under /admin/grading/)."""

from django.urls import path

from lms.grading import views

app_name = "grading"

urlpatterns = [
    path("", views.GradingQueueView.as_view(), name="queue"),
    path(
        "results/",
        views.GradingQueueView.as_view(results_only=True),
        name="queue_results",
    ),
    path("attempt/<id:pk>/", views.grade_attempt, name="attempt"),
    path("answer/<id:pk>/", views.GradeAnswerView.as_view(), name="answer"),
]
