"""The door: scan a badge (a USB QR scanner types its code and Enter) or search, and check the delegate in.

One text box does both. A POST checks in and redirects (post/redirect/get); the outcome is kept in the
session for the next page. Counts per delegate category are on the page and, with ``?format=json``,
polled by the page every few seconds. Nothing here is cached.
"""

import re
from urllib.parse import parse_qs, urlencode, urlsplit

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from agenda.models import Edition
from attendees import selectors, services
from attendees.enums import RegistrationStatus
from attendees.models import Registration
from attendees.tokens import registration_from_badge

RESULT_KEY = "attendees:checkin-result"
MAX_TEXT = 200
# What django.core.signing produces: payload:timestamp:signature, in URL-safe base64 (a leading dot if compressed).
CODE_SHAPE = re.compile(r"\.?[A-Za-z0-9_-]{1,200}:[A-Za-z0-9_-]{1,20}:[A-Za-z0-9_-]{20,100}")
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")
COUNTS_REFRESH_SECONDS = 10


def _clean(value, limit=MAX_TEXT):
    return CONTROL_CHARACTERS.sub("", value or "").strip()[:limit]


def _is_id(value):
    return bool(value) and value.isascii() and value.isdigit() and len(value) < 19


def _code_from(text):
    """The badge code in what the scanner typed: the code itself, or a link that carries it."""
    if text.startswith(("http://", "https://")):
        parts = urlsplit(text)
        codes = parse_qs(parts.query).get("code")
        if codes:
            return codes[0].strip()
        segments = [segment for segment in parts.path.split("/") if segment]
        return segments[-1] if segments else ""
    return text


def _page_url(edition, **params):
    query = {"edition": edition.pk} if edition else {}
    query.update(params)
    url = reverse("attendees:checkin")
    return f"{url}?{urlencode(query)}" if query else url


def _time_label(moment, edition):
    """“09:12” in the edition's zone, with the date when it was not today."""
    local = timezone.localtime(moment, edition.zone)
    if local.date() == timezone.localtime(timezone.now(), edition.zone).date():
        return local.strftime("%H:%M")
    return _("%(time)s on %(date)s") % {"time": local.strftime("%H:%M"), "date": date_format(local, "D j M Y")}


# -- the view ------------------------------------------------------------------------------------


@never_cache
@login_required(login_url=reverse_lazy("admin:login"))
@require_http_methods(["GET", "HEAD", "POST"])
def checkin(request):
    if not request.user.has_perm("attendees.check_in"):
        raise PermissionDenied
    if request.method == "POST":
        return _handle_post(request)

    edition = selectors.edition_from_param(request.GET.get("edition"))
    counts = selectors.checked_in_counts(edition)
    if request.GET.get("format") == "json":
        return JsonResponse(selectors.counts_as_json(edition, counts))

    query = _clean(request.GET.get("q"))
    context = {
        "door_edition": edition,
        "editions": list(Edition.objects.order_by("-start_date").only("pk", "name", "year")),
        "query": query,
        "matches": [_match(r) for r in selectors.search_registrations(edition, query)] if query else [],
        "query_too_short": 0 < len(query) < 2,
        "result": _result_for_display(request.session.pop(RESULT_KEY, None)),
        "counts": counts,
        "total_checked_in": sum(c.checked_in for c in counts),
        "total_expected": sum(c.expected for c in counts),
        "counts_url": _page_url(edition, format="json"),
        "refresh_seconds": COUNTS_REFRESH_SECONDS,
    }
    return render(request, "attendees/checkin.html", context)


def _handle_post(request):
    edition = selectors.edition_from_param(request.POST.get("edition"))
    page = _page_url(edition)

    chosen = _clean(request.POST.get("registration"), limit=30)
    if chosen or "registration" in request.POST:
        registration = None
        if _is_id(chosen):
            registration = Registration.objects.filter(pk=int(chosen)).select_related("edition").first()
        if registration is None:
            result = {"outcome": "unknown", "message": _("This registration does not exist (any more).")}
        else:
            result = _check_in(request, registration, edition)
        request.session[RESULT_KEY] = result
        return HttpResponseRedirect(page)

    text = _clean(request.POST.get("q"))
    if not text:
        return HttpResponseRedirect(page)
    code = _code_from(text)
    if CODE_SHAPE.fullmatch(code):
        registration = registration_from_badge(code)
        if registration is None:
            result = {
                "outcome": "unknown",
                "message": _("Unknown badge code: it is not a badge of this summit, or it did not scan well."),
            }
        else:
            result = _check_in(request, registration, edition)
        request.session[RESULT_KEY] = result
        return HttpResponseRedirect(page)
    # Anything else is a search: show the matches (each with its own check-in button).
    return HttpResponseRedirect(_page_url(edition, q=text))


def _check_in(request, registration, edition):
    if edition is not None and registration.edition_id != edition.pk:
        return {
            "outcome": "refused",
            "registration": registration.pk,
            "message": _("Not checked in: this badge is for %(other)s, not for %(edition)s.")
            % {"other": registration.edition.name, "edition": edition.name},
        }
    try:
        services.registration_check_in(registration=registration, by=request.user)
    except services.AlreadyCheckedIn:
        return {"outcome": "already", "registration": registration.pk}
    except services.RegistrationError as error:
        return {"outcome": "refused", "registration": registration.pk, "message": str(error)}
    return {"outcome": "ok", "registration": registration.pk}


def _result_for_display(result):
    if not isinstance(result, dict) or result.get("outcome") not in ("ok", "already", "refused", "unknown"):
        return None
    registration = None
    if result.get("registration"):
        registration = Registration.objects.filter(pk=result["registration"]).select_related("edition").first()
    outcome, message = result["outcome"], result.get("message", "")
    if registration is not None and outcome in ("ok", "already"):
        if registration.checked_in_at is None:  # undone meanwhile: say what is true now
            outcome, message = (
                "refused",
                _("Not checked in: this registration is “%(status)s”.") % {"status": registration.get_status_display()},
            )
        else:
            at = _time_label(registration.checked_in_at, registration.edition)
            if outcome == "ok":
                message = _("Checked in at %(time)s") % {"time": at}
            else:
                message = _("Already checked in at %(time)s") % {"time": at}
    return {"outcome": outcome, "message": message, "registration": registration}


def _match(registration):
    checked_in = ""
    if registration.status == RegistrationStatus.CHECKED_IN and registration.checked_in_at:
        checked_in = _("Checked in at %(time)s") % {
            "time": _time_label(registration.checked_in_at, registration.edition)
        }
    return {
        "registration": registration,
        "can_check_in": registration.status == RegistrationStatus.APPROVED,
        "checked_in": checked_in,
    }
