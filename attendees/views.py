"""The delegate's pages: register, thanks, a new link, the self-service page and the badge.

Every rule (window, cap, seats, waiting lists, status changes, emails) lives in attendees.services, every
read in attendees.selectors; these views only turn forms into service calls and answers into pages.
"""

import functools
import json

import segno
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from agenda.access import get_edition
from attendees import form_cache, selectors, services
from attendees.calendar import delegate_calendar
from attendees.enums import BADGE_STATUSES, RegistrationState, RegistrationStatus, may_become
from attendees.forms import CancelForm, RegisterForm, ResendForm, UpdateForm
from attendees.ratelimit import limit_posts
from attendees.tokens import SupersededLink, registration_from_link

# What the register page says, and which note it adds, when the form is not offered.
CLOSED_PAGES = {
    RegistrationState.PAST: (_lazy("This edition is over: registration has closed."), "past"),
    RegistrationState.CLOSED: (_lazy("Registration has closed."), "closed"),
    RegistrationState.FULL: (_lazy("Registration is full: the edition has reached its number of delegates."), "full"),
}


def registration_closed(edition):
    """(message, state) when the form is not offered, else (None, None).

    The state is the one every page shows (attendees.selectors.registration_state). The cap is part of it
    so that, once an edition is full, a registered and an unknown address get the same answer (the
    service looks for the address before it counts delegates).
    """
    state = selectors.registration_state(edition=edition)
    if state == RegistrationState.OPEN:
        return None, None
    if state == RegistrationState.NOT_YET:
        return _("Registration is not open yet."), "not_open" if edition.registration_opens_at else "not_announced"
    message, note = CLOSED_PAGES[state]
    return str(message), note


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@limit_posts("attendees.register")
def register(request, edition):
    edition = get_edition(request, edition)
    problem, state = registration_closed(edition)
    if request.method != "POST":
        # A session page's Register button names its session: it starts ticked.
        form = None if problem else RegisterForm(edition=edition, initial_session_slugs=request.GET.getlist("session"))
        context = {"edition": edition, "form": form, "problem": problem, "state": state, "section": "register"}
        # The fields rendered once per programme version and language; the sessions' seats are rendered now.
        context["fixed_form"] = form_cache.fixed_parts(form) if form else None
        return render(request, "attendees/register.html", context)

    form = RegisterForm(request.POST, edition=edition)
    thanks = reverse("attendees:register_thanks", args=[edition.slug])
    if form.is_valid() and not problem:
        try:
            services.registration_create(
                edition=edition,
                data=form.registration_data(),
                session_ids=form.session_ids(),
                language=translation.get_language(),
            )
        except services.AlreadyRegistered:
            # The same answer as for a new registration (the service did the same work, and queued an email
            # to the owner of the address): only the owner learns that it was known.
            return redirect(thanks)
        except services.RegistrationError as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            form.add_service_error(error)
        else:
            return redirect(thanks)
    elif problem:
        form.add_error(None, problem)
    return render(
        request, "attendees/register.html", {"edition": edition, "form": form, "problem": None, "section": "register"}
    )


@require_safe
def register_thanks(request, edition):
    edition = get_edition(request, edition)
    return render(request, "attendees/register_thanks.html", {"edition": edition})


@require_safe
def privacy(request, edition):
    edition = get_edition(request, edition)
    return render(request, "attendees/privacy.html", {"edition": edition})


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@limit_posts("attendees.resend")
def resend_link(request, edition):
    edition = get_edition(request, edition)
    if request.method == "POST":
        form = ResendForm(request.POST)
        if form.is_valid():
            services.registration_send_link(edition=edition, email=form.cleaned_data["email"])
            return redirect(reverse("attendees:resend", args=[edition.slug]) + "?sent=1")
    else:
        form = ResendForm()
    sent = request.method != "POST" and request.GET.get("sent") == "1"
    return render(request, "attendees/resend.html", {"edition": edition, "form": form, "sent": sent})


def private_page(view):
    """For pages reached through a personal link: never stored by caches, indexed, or sent to other sites.

    A bad, tampered or expired link is a 404; a genuine link that a newer one replaced is a 410 that says
    how to get a fresh one.
    """

    @functools.wraps(view)
    def wrapper(request, edition, token, **kwargs):
        try:
            response = view(request, edition, token, **kwargs)
        except SupersededLink:
            edition = get_edition(request, edition)
            response = render(request, "attendees/link_problem.html", {"edition": edition}, status=410)
        except Http404:
            response = render(request, "404.html", status=404)
        patch_cache_control(response, private=True, no_store=True)
        # Not "no-referrer": Chromium then posts the page's own forms with "Origin: null", which CSRF
        # protection refuses. "same-origin" still keeps the personal link out of other sites' logs.
        response["Referrer-Policy"] = "same-origin"
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    return wrapper


def _registration(request, edition_slug, token):
    edition = get_edition(request, edition_slug)
    registration = registration_from_link(token, edition=edition)
    if registration is None:
        raise Http404
    return registration


@private_page
@require_http_methods(["GET", "HEAD", "POST"])
def manage(request, edition, token):
    registration = _registration(request, edition, token)
    editable = registration.is_active
    cancellable = may_become(registration.status, RegistrationStatus.CANCELLED)
    update_form = UpdateForm(registration=registration) if editable else None
    cancel_form = CancelForm() if cancellable else None
    status = 200
    # After a change the page opens on its confirmation, not on the form the browser came from.
    here = reverse("attendees:manage", args=[registration.edition.slug, token])

    if request.method == "POST":
        action = request.POST.get("action")
        if action in AGENDA_ACTIONS:
            return _agenda_action(request, registration, action, here)
        if action not in ("update", "cancel"):
            return HttpResponseBadRequest(_("Unknown action."))
        if (action == "update" and not editable) or (action == "cancel" and not cancellable):
            messages.error(request, _("This registration can no longer be changed."))
            status = 409
        elif action == "update":
            update_form = UpdateForm(request.POST, registration=registration)
            if update_form.is_valid():
                try:
                    services.registration_update(
                        registration=registration,
                        data=update_form.registration_data(),
                        session_ids=update_form.session_ids(),
                    )
                except services.RegistrationError as error:
                    update_form.add_error(None, str(error))
                except ValidationError as error:
                    update_form.add_service_error(error)
                else:
                    messages.success(request, _("Your changes are saved. We have sent you a confirmation."))
                    return redirect(f"{here}#notice")
                registration.refresh_from_db()
            status = 400
        else:
            cancel_form = CancelForm(request.POST)
            if cancel_form.is_valid():
                try:
                    services.registration_cancel(registration=registration, message=_("Cancelled by the delegate."))
                except services.RegistrationError as error:
                    cancel_form.add_error(None, str(error))
                else:
                    messages.success(request, _("Your registration is cancelled. Your seats have been released."))
                    return redirect(f"{here}#notice")
            status = 400

    agenda = selectors.delegate_agenda(registration=registration)
    calendar_url = calendar_address(request, registration) if registration.is_active else None
    starred = [entry for entry in agenda if entry.starred]
    stars_data = None
    if registration.is_active:
        # What the page's script compares this browser's stars with: the saved ones, and the ids a save keeps.
        stars_data = {
            "saved": [entry.session.pk for entry in starred],
            "starrable": selectors.starrable_session_ids(edition=registration.edition),
        }
    context = {
        "edition": registration.edition,
        "registration": registration,
        "token": token,
        "history": selectors.status_history(registration=registration),
        "agenda_days": agenda_by_day(agenda, registration.edition.zone),
        "starred": starred,
        "stars_data": stars_data,
        "calendar_url": calendar_url,
        "webcal_url": "webcal://" + calendar_url.split("://", 1)[-1] if calendar_url else None,
        "update_form": update_form,
        "cancel_form": cancel_form,
        "badge_available": registration.status in BADGE_STATUSES,
        "open_section": request.POST.get("action") if request.method == "POST" else None,
    }
    return render(request, "attendees/manage.html", context, status=status)


# The personal page's agenda forms: each answers with the page again, opened on the agenda. A new calendar
# address has a page of its own (calendar_renew), which asks first.
AGENDA_ACTIONS = ("save_stars", "unstar")
MAX_SAVED_STARS = 500


def starred_ids(text):
    """The session ids of a browser's stars (a JSON array); anything else in it is ignored."""
    try:
        values = json.loads(text or "[]")
    except ValueError:
        return []
    if not isinstance(values, list):
        return []
    ids = [value for value in values[:MAX_SAVED_STARS] if isinstance(value, int) and not isinstance(value, bool)]
    return [value for value in ids if value > 0]


def _agenda_action(request, registration, action, here):
    if not registration.is_active:
        messages.error(request, _("This registration can no longer be changed."))
    elif action == "save_stars":
        added = services.registration_save_stars(
            registration=registration, session_ids=starred_ids(request.POST.get("stars"))
        )
        messages.success(
            request,
            ngettext("%(count)d starred session saved.", "%(count)d starred sessions saved.", added) % {"count": added}
            if added
            else _("No new starred session to save."),
        )
    elif action == "unstar":
        try:
            session_id = int(request.POST.get("session", ""))
        except ValueError:
            return HttpResponseBadRequest(_("Unknown session."))
        services.registration_unstar(registration=registration, session_id=session_id)
        messages.success(request, _("The session is no longer starred."))
    return redirect(f"{here}#notice")


# What the question page's form sends: a new address is issued only with it, never by a stray POST.
RENEW_CONFIRMATION = "new-address"


@private_page
@require_http_methods(["GET", "HEAD", "POST"])
def calendar_renew(request, edition, token):
    """A new calendar address, once the delegate has read that the old one then stops working everywhere."""
    registration = _registration(request, edition, token)
    here = reverse("attendees:manage", args=[registration.edition.slug, token])
    if not registration.is_active:
        messages.error(request, _("This registration can no longer be changed."))
        return redirect(f"{here}#notice")
    status = 200
    problem = None
    if request.method == "POST":
        if request.POST.get("confirm") == RENEW_CONFIRMATION:
            services.registration_new_calendar_key(registration=registration)
            messages.success(
                request,
                _("Your calendar has a new address. The old one no longer works: subscribe again with the new one."),
            )
            return redirect(f"{here}#notice")
        problem = _("Nothing was changed: confirm with the button below to issue a new address.")
        status = 400
    context = {
        "edition": registration.edition,
        "registration": registration,
        "token": token,
        "calendar_url": calendar_address(request, registration),
        "confirmation": RENEW_CONFIRMATION,
        "problem": problem,
    }
    return render(request, "attendees/calendar_renew.html", context, status=status)


def agenda_by_day(entries, zone):
    """[(day, [entries])] in time order, the day as the edition's zone has it."""
    days = {}
    for entry in entries:
        days.setdefault(entry.session.start.astimezone(zone).date(), []).append(entry)
    return list(days.items())


def calendar_address(request, registration):
    """The delegate's private calendar address, in their language."""
    with translation.override(registration.language):
        path = reverse("attendees:calendar", args=[registration.edition.slug, registration.calendar_key])
    return request.build_absolute_uri(path)


@require_safe
def calendar_feed(request, edition, key):
    """The delegate's calendar: seats, waiting-list places and starred sessions, as the programme is now.

    The address is the secret (no cookie, no login), so an unknown, replaced or foreign key is a 404, as is
    the feed of a registration no longer active. Never stored by shared caches.
    """
    registration = selectors.registration_by_calendar_key(edition_slug=edition, key=key)
    if registration is None:
        raise Http404
    with translation.override(registration.language):
        content = delegate_calendar(registration=registration, absolute_uri=request.build_absolute_uri)
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="my-agenda.ics"'
    patch_cache_control(response, private=True, no_cache=True)
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    return response


def badge_svg(registration):
    """The QR code of the badge code, as inline SVG that scales to the size the CSS gives it.

    The code goes in as stored, without the printed dash: a USB scanner types what it reads as key presses,
    and on some keyboard layouts the dash key gives another character.
    """
    qr = segno.make(registration.badge_code, error="m")
    return mark_safe(qr.svg_inline(scale=4, omitsize=True, svgclass="badge-qr-code", title=_("Badge code")))  # noqa: S308 (segno's own SVG)


@private_page
@require_safe
def badge(request, edition, token):
    registration = _registration(request, edition, token)
    context = {"edition": registration.edition, "registration": registration, "token": token}
    if registration.status not in BADGE_STATUSES:
        return render(request, "attendees/badge.html", {**context, "available": False}, status=403)
    name_length = len(registration.name)
    context.update(
        available=True,
        qr_svg=badge_svg(registration),
        name_size="xl" if name_length <= 22 else "lg" if name_length <= 40 else "md" if name_length <= 80 else "sm",
    )
    return render(request, "attendees/badge.html", context)
