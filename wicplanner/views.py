from django.http import HttpResponse
from django.urls import reverse


def robots_txt(request):
    sitemap = request.build_absolute_uri(reverse("sitemap"))
    return HttpResponse(f"User-agent: *\nDisallow: /admin/\nSitemap: {sitemap}\n", content_type="text/plain")
