"""Sign-in URLs.

``urlpatterns`` sit under the language prefix (/fr/, /en/): the login page
and password reset. ``company_sign_in_urlpatterns`` are language-neutral: the
callback is the redirect URI registered at the identity provider, so it must
never change with the visitor's language.
"""

from django.contrib.auth import views as auth_views
from django.urls import path

from lms.accounts import views

urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password/reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "password/reset/sent/",
        views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/done/",
        views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]

company_sign_in_urlpatterns = [
    path(
        "start/",
        views.CompanySignInStart.as_view(),
        name="oidc_authentication_init",
    ),
    path(
        "callback/",
        views.CompanySignInCallback.as_view(),
        name="oidc_authentication_callback",
    ),
]
