"""The site with its pages under a language prefix: English at today's addresses, Chinese under /zh-hans/.

Tests that follow a delegate's links in Chinese use it, whether or not the site's own URLconf has the
prefix yet: the links are built for the active language, so they carry whichever prefix it gives.
"""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/", include("agenda.api.urls")),
    *i18n_patterns(
        path("", include("attendees.urls")),
        path("", include("agenda.urls")),
        prefix_default_language=False,
    ),
]
