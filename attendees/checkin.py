"""The door: scan or type a badge code (a USB QR scanner types it and Enter) or search, and check the delegate in.

One text box does both. A badge code is found whatever its case, with or without its dash or spaces, and in
a link that carries it; something shaped like a code that is none says so, unless it is a name that the
search finds. A POST checks in and redirects (post/redirect/get); the outcome is kept in the
session for the next page. Counts per delegate category are on the page and, with ``?format=json``,
polled by the page every few seconds. Nothing here is cached.

Check-in staff see what the desk needs (name, organisation, category, status), never an email address,
and cannot find anyone by email (else the desk would confirm that an address is registered); staff who
may view registrations (the registration desk, superusers) see and search email as well.
"""

import re
from urllib.parse import parse_qs, urlencode, urlsplit

from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from agenda.access import remember_edition, working_edition
from agenda.admin.edition_paths import edition_from_param
from attendees import selectors, services
from attendees.enums import RegistrationStatus, may_become
from attendees.tokens import is_badge_code, normalise_badge_code, registration_from_badge_code

RESULT_KEY = "attendees:checkin-result"
MAX_TEXT = 200
# The long signed codes badges used to carry (payload:timestamp:signature, URL-safe base64): no longer valid,
# but an old badge scanned at the door gets a clear answer rather than an empty search.
SIGNED_CODE_SHAPE = re.compile(r"\.?[A-Za-z0-9_-]{1,200}:[A-Za-z0-9_-]{1,20}:[A-Za-z0-9_-]{20,100}")
# A badge code mistyped or misread: a few letters and digits run together (a name or organisation has no digits).
GARBLED_CODE_SHAPE = re.compile(r"(?=.*[0-9])[A-Z0-9]{5,12}")
ENTERED_SHOWN = 24  # characters of a rejected code repeated on the page
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")
COUNTS_REFRESH_SECONDS = 10
# Who may see delegates' email addresses at the door, and find delegates by them.
EMAIL_PERMISSION = "attendees.view_registration"
SEARCH_LIMIT = 20  # matches listed; the page asks for more of the name beyond


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


def _looks_like_a_code(text, scanned, code):
    """Whether the text is a badge code gone wrong rather than a search: from a scanner, or code-shaped."""
    return (
        text.startswith(("http://", "https://"))
        or bool(SIGNED_CODE_SHAPE.fullmatch(scanned))
        or is_badge_code(code)
        or bool(GARBLED_CODE_SHAPE.fullmatch(code))
    )


def _not_a_badge(scanned, code):
    if is_badge_code(code):
        entered = f"{code[:4]}-{code[4:]}"
    else:
        entered = scanned if len(scanned) <= ENTERED_SHOWN else scanned[: ENTERED_SHOWN - 1] + "…"
    return {
        "outcome": "unknown",
        "message": _("Not a valid badge code: check the letters, or search by name."),
        "entered": entered,
    }


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


def _sees_email(user):
    return user.has_perm(EMAIL_PERMISSION)


def _search(request, edition, text):
    """The delegates the door finds for a text: by email too only for staff who may see email addresses."""
    return selectors.search_registrations(edition, text, limit=SEARCH_LIMIT, by_email=_sees_email(request.user))


# -- the view ------------------------------------------------------------------------------------


@never_cache
@login_required(login_url=reverse_lazy("admin:login"))
@permission_required("attendees.check_in", raise_exception=True)
@require_http_methods(["GET", "HEAD", "POST"])
def checkin(request):
    if request.method == "POST":
        return _handle_post(request)

    edition = _door_edition(request, request.GET.get("edition"))
    counts = selectors.checked_in_counts(edition)
    if request.GET.get("format") == "json":
        return JsonResponse(selectors.counts_as_json(edition, counts))

    query = _clean(request.GET.get("q"))
    context = {
        "door_edition": edition,
        "editions": selectors.editions_to_choose(),
        "query": query,
        "matches": [_match(r) for r in _search(request, edition, query)] if query else [],
        "shows_email": _sees_email(request.user),
        "search_limit": SEARCH_LIMIT,
        "query_too_short": 0 < len(query) < 2,
        "result": _result_for_display(request.session.pop(RESULT_KEY, None)),
        "counts": counts,
        "total_checked_in": sum(c.checked_in for c in counts),
        "total_expected": sum(c.expected for c in counts),
        "counts_url": _page_url(edition, format="json"),
        "refresh_seconds": COUNTS_REFRESH_SECONDS,
    }
    return render(request, "attendees/checkin.html", context)


def _door_edition(request, value):
    """The edition named in the address, remembered as the one this staff member works on; else that one.

    The desk and the back office share it, so a bookmarked /checkin/ opens where the organiser last worked.
    """
    edition = edition_from_param(value)
    if edition is not None:
        remember_edition(request, edition)
        return edition
    return working_edition(request)


def _handle_post(request):
    edition = _door_edition(request, request.POST.get("edition"))
    page = _page_url(edition)

    chosen = _clean(request.POST.get("registration"), limit=30)
    if chosen or "registration" in request.POST:
        registration = None
        if _is_id(chosen):
            registration = selectors.registration_at_door(int(chosen))
        if registration is None:
            result = {"outcome": "unknown", "message": _("This registration does not exist (any more).")}
        else:
            result = _check_in(request, registration, edition)
        request.session[RESULT_KEY] = result
        return HttpResponseRedirect(page)

    text = _clean(request.POST.get("q"))
    if not text:
        return HttpResponseRedirect(page)
    scanned = _code_from(text)
    code = normalise_badge_code(scanned)
    registration = registration_from_badge_code(code) if is_badge_code(code) else None
    if registration is not None:
        result = _check_in(request, registration, edition)
    elif not _looks_like_a_code(text, scanned, code):
        # Anything else is a search: show the matches (each with its own check-in button).
        return HttpResponseRedirect(_page_url(edition, q=text))
    elif scanned == text and _search(request, edition, text):
        # Typed, code-shaped, but somebody's name (“wangchen”): the matches, not an error.
        return HttpResponseRedirect(_page_url(edition, q=text))
    else:
        result = _not_a_badge(scanned, code)
    request.session[RESULT_KEY] = result
    return HttpResponseRedirect(page)


def _check_in(request, registration, edition):
    try:
        services.registration_check_in(registration=registration, by=request.user, edition=edition)
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
        registration = selectors.registration_at_door(result["registration"])
    outcome, message = result["outcome"], result.get("message", "")
    if registration is not None and outcome in ("ok", "already"):
        if registration.checked_in_at is None:  # undone meanwhile: say what is true now
            outcome, message = (
                "refused",
                _("Not checked in: this registration is “%(status)s”.") % {"status": registration.get_status_display()},
            )
        else:
            if outcome == "ok":
                message = _("Checked in at %(time)s") % {
                    "time": _time_label(registration.checked_in_at, registration.edition)
                }
            else:
                message = _already_checked_in(registration)
    entered = result.get("entered", "") if outcome == "unknown" else ""
    return {"outcome": outcome, "message": message, "registration": registration, "entered": entered}


def _already_checked_in(registration):
    """“Already checked in on Wed 20 Nov 2024 at 09:12 (Wuzhen time, UTC+8)”: the door may be days later."""
    edition = registration.edition
    local = timezone.localtime(registration.checked_in_at, edition.zone)
    return _("Already checked in on %(day)s at %(time)s (%(zone)s)") % {
        "day": date_format(local, "D j M Y"),
        "time": local.strftime("%H:%M"),
        "zone": edition.zone_label,
    }


def _match(registration):
    checked_in = ""
    if registration.status == RegistrationStatus.CHECKED_IN and registration.checked_in_at:
        checked_in = _("Checked in at %(time)s") % {
            "time": _time_label(registration.checked_in_at, registration.edition)
        }
    return {
        "registration": registration,
        "can_check_in": may_become(registration.status, RegistrationStatus.CHECKED_IN),
        "checked_in": checked_in,
    }
