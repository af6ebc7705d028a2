"""Calendar and conference-app feeds (iCalendar, frab/c3voc XML and JSON)."""

from django.http import Http404

from agenda.views.base import programme_page


@programme_page
def schedule_ics(request, edition):
    raise Http404


@programme_page
def session_ics(request, edition, slug):
    raise Http404


@programme_page
def schedule_xml(request, edition):
    raise Http404


@programme_page
def schedule_json(request, edition):
    raise Http404
