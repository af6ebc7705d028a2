from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from agenda.access import is_previewer
from agenda.caching import programme_page
from agenda.models import Organisation, Person
from agenda.selectors import public_sessions
from agenda.selectors.identities import (
    organisation_at_other_editions,
    other_editions_variant,
    person_at_other_editions,
)
from agenda.selectors.people import (
    organisation_directory,
    organisation_exhibits,
    organisation_honours,
    organisation_links,
    organisation_speakers,
    sessions_of_speaker,
    speaker_directory,
    taking_part,
    visible_speakers,
)

PAGE_SIZE = 100


@programme_page
def speaker_list(request, edition):
    query = request.GET.get("q", "")
    people = speaker_directory(edition=edition, preview=is_previewer(request), query=query)
    page = Paginator(people, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request, "agenda/speaker_list.html", {"edition": edition, "page": page, "query": query, "section": "speakers"}
    )


@programme_page(vary=other_editions_variant(Person))
def speaker_detail(request, edition, slug):
    preview = is_previewer(request)
    people = visible_speakers(edition=edition, preview=preview)
    person = get_object_or_404(people.select_related("organisation"), slug=slug)
    own = sessions_of_speaker(person=person, sessions=public_sessions(edition=edition, preview=preview))
    for session in own:  # shown above each session card
        session.speaker_roles = [
            link.get_role_display() for link in session.speaker_links.all() if link.person_id == person.pk
        ]
    context = {
        "edition": edition,
        "person": person,
        "sessions": own,
        "other_editions": person_at_other_editions(person=person),
        "section": "speakers",
    }
    return render(request, "agenda/speaker_detail.html", context)


@programme_page
def organisation_list(request, edition):
    query = request.GET.get("q", "")
    organisations = organisation_directory(edition=edition, preview=is_previewer(request), query=query)
    page = Paginator(organisations, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "agenda/organisation_list.html",
        {"edition": edition, "page": page, "query": query, "section": "organisations"},
    )


@programme_page(vary=other_editions_variant(Organisation))
def organisation_detail(request, edition, slug):
    preview = is_previewer(request)
    organisation = get_object_or_404(taking_part(edition=edition, preview=preview), slug=slug)
    context = {
        "edition": edition,
        "organisation": organisation,
        "links": organisation_links(organisation=organisation, edition=edition, preview=preview),
        "people": organisation_speakers(organisation=organisation, edition=edition, preview=preview),
        "exhibits": organisation_exhibits(organisation=organisation, edition=edition),
        "honours": organisation_honours(organisation=organisation, edition=edition),
        "other_editions": organisation_at_other_editions(organisation=organisation),
        "section": "organisations",
    }
    return render(request, "agenda/organisation_detail.html", context)
