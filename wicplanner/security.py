"""Who is asking (the client's address behind trusted proxies), and the admin login page once it is throttled."""

import ipaddress
import math

from django.conf import settings
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext, ngettext


def client_ip(request):
    """The address of the client: REMOTE_ADDR, or behind TRUSTED_PROXY_COUNT reverse proxies the entry of
    X-Forwarded-For that the outermost proxy appended.

    Each proxy appends the address it was reached from, so entries to the left of those may be anything a
    client chose to send; without a trusted proxy the header is ignored altogether.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXY_COUNT
    if not proxies:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if not forwarded:
        return remote
    candidate = forwarded[-min(proxies, len(forwarded))]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote


def login_locked_out(request, original_response=None, credentials=None):
    """The admin login form again, empty, saying why this username may not log in from here for now (429).

    django-axes calls this for every attempt while the lock lasts, the right password included.
    """
    from django.contrib import admin
    from django.contrib.admin.forms import AdminAuthenticationForm

    username = (credentials or {}).get("username") or request.POST.get("username", "")
    minutes = max(1, math.ceil(settings.AXES_COOLOFF_TIME.total_seconds() / 60))
    message = ngettext(
        "Too many failed attempts to log in as “%(username)s” from this address. Try again in %(minutes)d minute, "
        "or ask another organiser to unlock the account.",
        "Too many failed attempts to log in as “%(username)s” from this address. Try again in %(minutes)d "
        "minutes, or ask another organiser to unlock the account.",
        minutes,
    ) % {"username": username, "minutes": minutes}
    context = {
        **admin.site.each_context(request),
        "title": gettext("Log in"),
        "subtitle": None,
        "app_path": request.get_full_path(),
        "form": AdminAuthenticationForm(request, initial={"username": username}),
        "locked_out_message": message,
        REDIRECT_FIELD_NAME: request.POST.get(REDIRECT_FIELD_NAME) or reverse("admin:index"),
    }
    return TemplateResponse(request, "admin/login.html", context, status=429).render()
