from django.http import Http404
from django.shortcuts import render

from agenda.models import Edition


def current_edition_home(request):
    editions = Edition.objects.published().select_related("summit")
    current = next((edition for edition in editions if edition.is_current), None)
    return render(request, "agenda/home.html", {"current": current, "editions": editions})


def edition_list(request):
    raise Http404


def edition_home(request, edition):
    raise Http404
