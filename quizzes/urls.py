"""Learner-facing URLs of the quizzes app, under /<language>/quizzes/."""

from django.urls import path

from quizzes import views

app_name = "quizzes"
urlpatterns = [
    path("<id:quiz_id>/", views.quiz_detail, name="detail"),
    path("<id:quiz_id>/start/", views.quiz_start, name="start"),
    path("attempts/<id:attempt_id>/", views.attempt_page, name="attempt"),
    path("attempts/<id:attempt_id>/submit/", views.attempt_confirm, name="confirm"),
    path("attempts/<id:attempt_id>/result/", views.attempt_result, name="result"),
]
