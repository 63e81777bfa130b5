"""Admin URLs of the people import (registered under /admin/people-import/)."""

from django.urls import path

from lms.onboarding import views

app_name = "people_import"
urlpatterns = [
    path("", views.PeopleImportUploadView.as_view(), name="upload"),
    path("<str:token>/", views.PeopleImportReviewView.as_view(), name="review"),
]
