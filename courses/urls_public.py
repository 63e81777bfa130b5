"""Public certificate URLs, included at /<lang>/certificates/.

The language-neutral /certificates/verify/<code>/ (printed in QR codes and
emails) is routed in ``lms.urls`` and redirects here.
"""

from django.urls import path

from courses import views

app_name = "certificates"
urlpatterns = [
    path("verify/<str:code>/", views.certificate_verify, name="verify"),
]
