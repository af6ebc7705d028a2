from django.http import Http404

from agenda.views.base import programme_page


@programme_page
def agenda(request, edition):
    raise Http404


@programme_page
def session_detail(request, edition, slug):
    raise Http404


@programme_page
def room_detail(request, edition, slug):
    raise Http404


def now(request, edition):
    raise Http404
