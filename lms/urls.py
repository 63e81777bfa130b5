"""Root URL configuration.

Admin, documents and language switching are language-neutral; everything a
learner sees sits under a language prefix (/fr/, /en/) so the same page can be
served in either language and the switcher can keep the learner in place.
"""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.auth import views as auth_views
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from core import serving
from core import views as core_views
from courses import views as course_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # The language switcher for signed-in people: saves their choice (POST).
    path("i18n/choose/", core_views.language_choose, name="language_choose"),
    path("i18n/", include("django.conf.urls.i18n")),
    # Printed in certificate QR codes: stable, language-neutral, redirects to
    # /<lang>/certificates/verify/<code>/ in the visitor's language.
    path(
        "certificates/verify/<str:code>/",
        course_views.certificate_verify_neutral,
        name="certificate_verify_neutral",
    ),
]

urlpatterns += i18n_patterns(
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(redirect_authenticated_user=True),
        name="login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("search/", course_views.search, name="search"),
    path("learn/", include("courses.urls")),
    path("certificates/", include("courses.urls_public")),
    path("quizzes/", include("quizzes.urls")),
    # Wagtail's page serving, with its site and route cached (core.serving);
    # ahead of wagtail_urls, which still provides the _util/ views.
    re_path(wagtail_urls.serve_pattern, serving.serve, name="wagtail_serve"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns = (
        staticfiles_urlpatterns()
        + static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
        + urlpatterns
    )
