"""Root URL configuration.

Admin, documents and language switching are language-neutral; everything a
learner sees sits under a language prefix (/fr/, /en/) so the same page can be
served in either language and the switcher can keep the learner in place.
"""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from core import serving
from core import views as core_views
from courses import views as course_views
from lms.accounts import urls as accounts_urls
from lms.credentials import views as credential_views
from lms.privacy import views as privacy_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # The language switcher for signed-in people: saves their choice (POST).
    path("i18n/choose/", core_views.language_choose, name="language_choose"),
    path("i18n/", include("django.conf.urls.i18n")),
    # Company sign-in (OpenID Connect): the callback is the redirect URI
    # registered at the identity provider, so it is language-neutral.
    path("accounts/oidc/", include(accounts_urls.company_sign_in_urlpatterns)),
    # Printed in certificate QR codes: stable, language-neutral, redirects to
    # /<lang>/certificates/verify/<code>/ in the visitor's language.
    path(
        "certificates/verify/<str:code>/",
        course_views.certificate_verify_neutral,
        name="certificate_verify_neutral",
    ),
    # Open Badges 3.0: the issuer's did:web document, and credentials, badges
    # and status lists at stable, language-neutral URLs.
    path(".well-known/did.json", credential_views.did_document, name="did_document"),
    path("credentials/", include("lms.credentials.urls")),
    # xAPI activity ids: stable public URLs naming courses, lessons, quizzes.
    path("xapi/", include("lms.xapi.urls")),
]

urlpatterns += i18n_patterns(
    path("accounts/", include(accounts_urls)),
    path("search/", course_views.search, name="search"),
    path("my-data/", privacy_views.my_data, name="my_data"),
    path("learn/", include("courses.urls")),
    path("certificates/", include("courses.urls_public")),
    path("quizzes/", include("quizzes.urls")),
    path("scenarios/", include("scenarios.urls")),
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
