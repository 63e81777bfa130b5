"""Public, language-neutral xAPI activity URLs, included at /xapi/."""

from django.urls import path

from lms.xapi import views

app_name = "xapi"
urlpatterns = [
    path("activities/<str:kind>/<str:key>", views.activity, name="activity"),
]
