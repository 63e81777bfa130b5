"""Public, language-neutral credential URLs, included at /credentials/.

The DID document is routed at /.well-known/did.json in ``lms.urls``.
"""

from django.urls import path

from lms.credentials import views

app_name = "credentials"
urlpatterns = [
    path("issuer.json", views.issuer_profile, name="issuer"),
    path("badge.svg", views.achievement_image, name="achievement_image"),
    path(
        "achievements/<id:course_id>/<str:language>.json",
        views.achievement,
        name="achievement",
    ),
    path("status/<id:list_number>", views.status_list, name="status_list"),
    path("<str:code>.jwt", views.credential_jwt, name="jwt"),
    path("<str:code>.json", views.credential_json, name="json"),
    path("<str:code>/badge.svg", views.badge_svg, name="badge_svg"),
    path("<str:code>/badge.png", views.badge_png, name="badge_png"),
]
