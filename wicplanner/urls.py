from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from agenda.sitemaps import SITEMAPS
from wicplanner.media import media_urlpatterns
from wicplanner.views import favicon, robots_txt

# One address each, whatever the language: the back office, the API (?lang=), the sitemap (which lists
# both languages) and the language cookie the back office reads.
urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/", include("agenda.api.urls")),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots"),
    path("favicon.ico", favicon, name="favicon"),
]
# Uploaded pictures, when they are on this server's disk (with or without DEBUG); before the pages' addresses.
urlpatterns += media_urlpatterns()
# Pages and feeds: English at today's addresses, Chinese under /zh-hans/.
urlpatterns += i18n_patterns(
    path("", include("attendees.urls")),
    path("", include("agenda.urls")),
    prefix_default_language=False,
)
# The database unavailable, even when a middleware met it: a 503 with Retry-After.
handler500 = "wicplanner.failures.server_error"
