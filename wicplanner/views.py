from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.urls import reverse


def robots_txt(request):
    sitemap = request.build_absolute_uri(reverse("sitemap"))
    return HttpResponse(f"User-agent: *\nDisallow: /admin/\nSitemap: {sitemap}\n", content_type="text/plain")


def favicon(request):
    # Browsers and feed readers ask for /favicon.ico whatever the page links; the file itself is a static one.
    return HttpResponsePermanentRedirect(static("img/favicon.ico"))
