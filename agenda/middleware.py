from django.core.cache import cache
from django.utils import timezone

from agenda.models import Edition

ADMIN_ZONE_CACHE_KEY = "agenda:admin-time-zone"


def admin_time_zone():
    """The current edition's zone: organisers type and read times as they are at the venue."""
    from django.conf import settings

    zone = cache.get(ADMIN_ZONE_CACHE_KEY)
    if zone is None:
        current = Edition.objects.current()
        zone = current.time_zone if current else settings.SUMMIT_DEFAULT_TIME_ZONE
        cache.set(ADMIN_ZONE_CACHE_KEY, zone, 300)
    return zone


class AdminTimeZoneMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith("/admin/"):
            timezone.activate(admin_time_zone())
        else:
            timezone.deactivate()
        return self.get_response(request)
