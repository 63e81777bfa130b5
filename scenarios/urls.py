"""Learner-facing URLs of the scenarios app, under /<language>/scenarios/."""

from django.urls import path

from scenarios import views

app_name = "scenarios"
urlpatterns = [
    path("<id:scenario_id>/", views.scenario_detail, name="detail"),
    path("<id:scenario_id>/start/", views.scenario_start, name="start"),
    path("runs/<id:run_id>/", views.run_page, name="run"),
]
