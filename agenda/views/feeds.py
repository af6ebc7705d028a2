"""Calendar and conference-app feeds (iCalendar, frab/c3voc XML and JSON).

Each is cached per programme version by @programme_page, which also answers conditional requests
(apps poll), so the address of a feed never changes with its content.
"""

from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from agenda.caching import programme_page
from agenda.feeds import edition_schedule, programme_calendar, render_json, render_xml
from agenda.feeds.common import clean_text, feed_filename
from agenda.filters import AgendaFilter
from agenda.selectors import public_sessions
from agenda.selectors.rows import load_sessions

CALENDAR_CONTENT_TYPE = "text/calendar; charset=utf-8"


def _calendar_response(content, filename):
    response = HttpResponse(content, content_type=CALENDAR_CONTENT_TYPE)
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def _app_feed_response(content, content_type):
    response = HttpResponse(content, content_type=content_type)
    # Web-based schedule viewers fetch the feeds from other origins.
    response["Access-Control-Allow-Origin"] = "*"
    return response


@programme_page
def schedule_ics(request, edition):
    """The public programme (cancelled sessions marked so), narrowed by the agenda's filters."""
    params = request.GET.copy()
    if params.get("day") == "all":
        params.pop("day")
    agenda_filter = AgendaFilter(params, queryset=public_sessions(edition=edition, preview=False), edition=edition)
    if not agenda_filter.is_valid():
        fields = ", ".join(sorted(agenda_filter.errors))
        return HttpResponseBadRequest(
            _("Unknown filter value for: %(fields)s") % {"fields": fields}, content_type="text/plain; charset=utf-8"
        )
    sessions = load_sessions(agenda_filter.qs, speakers=True, organisers=True, items=True)
    content = programme_calendar(edition=edition, sessions=sessions, absolute_uri=request.build_absolute_uri)
    return _calendar_response(content, feed_filename(edition, "ics"))


@programme_page
def session_ics(request, edition, slug):
    """One public session, for “add to calendar”; drafts and unknown sessions are 404."""
    session = get_object_or_404(public_sessions(edition=edition, preview=False), slug=slug)
    content = programme_calendar(
        edition=edition,
        sessions=[session],
        absolute_uri=request.build_absolute_uri,
        name=f"{clean_text(edition.name)}: {clean_text(session.title)}",
        refresh=False,
    )
    return _calendar_response(content, feed_filename(edition, "ics", session=session))


@programme_page
def schedule_xml(request, edition):
    schedule = edition_schedule(edition=edition, absolute_uri=request.build_absolute_uri)
    return _app_feed_response(render_xml(schedule), "application/xml; charset=utf-8")


@programme_page
def schedule_json(request, edition):
    schedule = edition_schedule(edition=edition, absolute_uri=request.build_absolute_uri)
    return _app_feed_response(render_json(schedule), "application/json; charset=utf-8")
