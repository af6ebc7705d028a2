"""Per-address limits on the public registration forms (django-ratelimit).

The counters live in the default cache. In production that cache must be shared by every server process
(Redis, through REDIS_URL): with the per-process local-memory cache each process counts on its own and the
limit is multiplied by the number of processes. Behind a reverse proxy REMOTE_ADDR is the proxy's address:
set RATELIMIT_IP_META_KEY to the header the proxy fills in, or every delegate shares one limit.

When the cache cannot count (Redis down), the attempt goes through and a warning is logged: a registration is
never lost for want of a counter.
"""

import functools
import logging

from django.conf import settings
from django.shortcuts import render
from django_ratelimit.core import get_usage

logger = logging.getLogger(__name__)


def registration_rate(group, request):
    """settings.REGISTRATION_RATE, e.g. "30/m"; "off" (or empty) switches the limit off."""
    rate = (settings.REGISTRATION_RATE or "").strip()
    if not rate or rate.lower() == "off":
        return None
    return rate


def limit_posts(group):
    """Count every POST per client address; beyond the rate answer 429 with a page that says what to do.

    Checked before the view runs, so a refused request never reaches the registration rules.
    """

    def decorator(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            usage = _counted(request, group)
            if usage is not None and usage["should_limit"]:
                response = render(request, "attendees/rate_limited.html", status=429)
                response["Retry-After"] = str(max(usage["time_left"], 1))
                return response
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def _counted(request, group):
    """This attempt counted against the limit (django-ratelimit's usage), or None when it is not limited or cannot
    be counted."""
    if request.method != "POST" or registration_rate(group, request) is None:
        return None
    try:
        usage = get_usage(request, group=group, key="ip", rate=registration_rate, method="POST", increment=True)
    except Exception:  # a cache that raises rather than degrades: still let the attempt through
        logger.exception("Attempts on %s could not be counted; let through.", group)
        return None
    # django-ratelimit's answer when the cache could not count: None with RATELIMIT_FAIL_OPEN, else a refusal with
    # a count of 0 (a counted attempt is at least 1).
    if (usage is None and getattr(settings, "RATELIMIT_ENABLE", True)) or (usage and usage["count"] == 0):
        logger.warning("Attempts on %s could not be counted (cache unavailable); let through.", group)
        return None
    return usage
