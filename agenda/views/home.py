from django.shortcuts import render

from agenda.models import Edition


def home(request):
    editions = Edition.objects.published().select_related("summit")
    current = next((edition for edition in editions if edition.is_current), None)
    return render(request, "agenda/home.html", {"current": current, "editions": editions})
