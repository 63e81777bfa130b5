"""Benchmark URLconf: the site's URLs plus the bare baseline view."""

from django.http import HttpResponse
from django.urls import path

from lms.urls import urlpatterns as site_urlpatterns


def bare(request):
    """The baseline: the cheapest response Django can give, in the same server."""
    return HttpResponse("ok")


urlpatterns = [path("bare/", bare), *site_urlpatterns]
