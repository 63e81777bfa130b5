"""Admin URLs of assignments (registered under /admin/assignments/)."""

from django.urls import path

from lms.teams import views

app_name = "assignments"
urlpatterns = [
    path("", views.AssignmentIndexView.as_view(), name="index"),
    path(
        "results/",
        views.AssignmentIndexView.as_view(results_only=True),
        name="index_results",
    ),
    path("new/", views.AssignmentCreateView.as_view(), name="create"),
    path(
        "<id:pk>/recurrence/",
        views.AssignmentRecurrenceView.as_view(),
        name="recurrence",
    ),
]
