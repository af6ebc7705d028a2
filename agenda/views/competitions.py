from django.http import Http404
from django.shortcuts import render

from agenda.access import is_previewer
from agenda.caching import programme_page
from agenda.selectors.competitions import attach_track_groups, competitions


@programme_page
def competition_list(request, edition):
    items = attach_track_groups(competitions(edition=edition, preview=is_previewer(request)))
    # Competitions sit with the awards: the navigation's "Awards" entry covers both.
    context = {"edition": edition, "competitions": items, "section": "awards"}
    return render(request, "agenda/competition_list.html", context)


@programme_page
def competition_detail(request, edition, slug):
    items = attach_track_groups(competitions(edition=edition, preview=is_previewer(request)).filter(slug=slug))
    if not items:
        raise Http404
    # The competitions page's template, for one competition (`single`): its name becomes the page heading.
    context = {
        "edition": edition,
        "competition": items[0],
        "competitions": items,
        "single": True,
        "section": "awards",
    }
    return render(request, "agenda/competition_detail.html", context)
