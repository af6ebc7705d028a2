from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render

from agenda.caching import programme_page
from agenda.filters import ExhibitFilter, without_bad_values
from agenda.selectors.expo import (
    attach_covers,
    exhibits_of,
    expos_of,
    picture_sources,
    with_cover,
    with_pictures,
)

PAGE_SIZE = 48
FILTER_FIELDS = ("category", "hall", "exhibitor", "q")


@programme_page
def expo_list(request, edition):
    expos = list(expos_of(edition))
    exhibits = with_cover(exhibits_of(edition))
    exhibit_filter, ignored = without_bad_values(ExhibitFilter, request.GET, queryset=exhibits, edition=edition)
    filtering = any((exhibit_filter.data.get(name) or "").strip() for name in FILTER_FIELDS)
    page = Paginator(exhibit_filter.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = attach_covers(page.object_list)
    query = exhibit_filter.data.copy()
    query.pop("page", None)
    context = {
        "edition": edition,
        "expos": expos,
        "filter": exhibit_filter,
        "page": page,
        "filtering": filtering,
        "ignored": ignored,
        "page_query": query.urlencode(),
        "section": "expo",
    }
    return render(request, "agenda/expo_list.html", context)


@programme_page
def exhibit_detail(request, edition, slug):
    # Slugs are unique within an edition; should two expos ever share one, the first expo's exhibit wins.
    exhibit = with_pictures(exhibits_of(edition)).filter(slug=slug).first()
    if exhibit is None:
        raise Http404
    context = {
        "edition": edition,
        "exhibit": exhibit,
        "pictures": [picture_sources(picture) for picture in exhibit.pictures.all()],
        "section": "expo",
    }
    return render(request, "agenda/exhibit_detail.html", context)
