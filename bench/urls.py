"""The site's addresses, plus /bench-trivial/: a view that does nothing, through the same middleware.

What a page serves per second is compared with this view measured in the same run, so the figures say
how much of the cost is the page's own on whatever machine (and load) they are taken.
"""

from django.http import HttpResponse
from django.urls import path

from wicplanner.urls import urlpatterns as site_urlpatterns


def trivial(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench-trivial/", trivial, name="bench_trivial"), *site_urlpatterns]
