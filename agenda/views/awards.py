from django.http import Http404
from django.shortcuts import render

from agenda.access import is_previewer
from agenda.caching import programme_page
from agenda.selectors.awards import attach_groups, award_programmes
from agenda.selectors.competitions import competition_links


@programme_page
def award_list(request, edition):
    programmes = attach_groups(award_programmes(edition=edition, preview=is_previewer(request)))
    context = {
        "edition": edition,
        "programmes": programmes,
        "competitions": competition_links(edition=edition),
        "section": "awards",
    }
    return render(request, "agenda/award_list.html", context)


@programme_page
def award_detail(request, edition, slug):
    programmes = attach_groups(award_programmes(edition=edition, preview=is_previewer(request)).filter(slug=slug))
    if not programmes:
        raise Http404
    # The awards page's template, for one programme (`single`): its name becomes the page heading.
    context = {
        "edition": edition,
        "programme": programmes[0],
        "programmes": programmes,
        "single": True,
        "section": "awards",
    }
    return render(request, "agenda/award_detail.html", context)
