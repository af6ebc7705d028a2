"""“My agenda”: the sessions a visitor starred, from the address alone (?s=3-17-42).

The stars live in the visitor's browser; the page is the same for everyone who opens the same address,
so it is cached publicly like every programme page. Without `s`, the page's script fills it in from
the browser's stars.
"""

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from agenda.caching import programme_page
from agenda.feeds import programme_calendar
from agenda.feeds.common import clean_text
from agenda.selectors.my_agenda import by_day, chosen_sessions, parse_selection, selection_value, with_overlaps

SELECTION_PARAMETER = "s"
CALENDAR_CONTENT_TYPE = "text/calendar; charset=utf-8"


def _selection(request, edition):
    requested = parse_selection(request.GET.get(SELECTION_PARAMETER, "")[:8000])
    return requested, chosen_sessions(edition=edition, ids=requested)


@programme_page
def my_agenda(request, edition):
    requested, sessions = _selection(request, edition)
    value = selection_value(session.pk for session in sessions)
    query = f"?{SELECTION_PARAMETER}={value}"
    context = {
        "edition": edition,
        "days": by_day(with_overlaps(sessions), zone=edition.zone),
        "session_count": len(sessions),
        "has_selection": SELECTION_PARAMETER in request.GET,
        "left_out": len(requested) - len(sessions),
        "share_url": request.build_absolute_uri(reverse("agenda:my_agenda", args=[edition.slug]) + query),
        "ics_url": reverse("agenda:my_agenda_ics", args=[edition.slug]) + query,
        "page_data": {"edition": edition.slug, "ids": [session.pk for session in sessions]},
        "section": "agenda",
    }
    return render(request, "agenda/my_agenda.html", context)


@programme_page
def my_agenda_ics(request, edition):
    """Exactly the chosen sessions, cancelled ones marked so, as one calendar file."""
    _requested, sessions = _selection(request, edition)
    content = programme_calendar(
        edition=edition,
        sessions=sessions,
        absolute_uri=request.build_absolute_uri,
        name=_("My agenda · %(edition)s") % {"edition": clean_text(edition.name)},
    )
    response = HttpResponse(content, content_type=CALENDAR_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="my-agenda-{edition.slug}.ics"'
    return response
