from django.http import Http404

from agenda.views.base import programme_page


@programme_page
def speaker_list(request, edition):
    raise Http404


@programme_page
def speaker_detail(request, edition, slug):
    raise Http404


@programme_page
def organisation_list(request, edition):
    raise Http404


@programme_page
def organisation_detail(request, edition, slug):
    raise Http404
