from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from agenda.access import is_previewer
from agenda.caching import programme_page
from agenda.models import Organisation, Person, Session, SessionOrganiser
from agenda.selectors import public_sessions

PAGE_SIZE = 100


def _speaking_people(edition, sessions):
    ids = sessions.values("pk")
    return Person.objects.filter(edition=edition).filter(
        Q(pk__in=Session.speakers.through.objects.filter(session__in=ids).values("person_id"))
        | Q(pk__in=Person.session_items.through.objects.filter(sessionitem__session__in=ids).values("person_id"))
    )


def _search(queryset, query, fields):
    query = (query or "").strip()[:200]
    if not query:
        return queryset
    condition = Q()
    for name in fields:
        condition |= Q(**{f"{name}__icontains": query})
    return queryset.filter(condition)


@programme_page
def speaker_list(request, edition):
    sessions = public_sessions(edition=edition, preview=is_previewer(request))
    people = _speaking_people(edition, sessions).select_related("organisation").order_by("name")
    query = request.GET.get("q", "")
    people = _search(people, query, ["name", "title", "organisation__name"])
    page = Paginator(people, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request, "agenda/speaker_list.html", {"edition": edition, "page": page, "query": query, "section": "speakers"}
    )


@programme_page
def speaker_detail(request, edition, slug):
    person = get_object_or_404(Person.objects.select_related("organisation"), edition=edition, slug=slug)
    sessions = public_sessions(edition=edition, preview=is_previewer(request))
    own = sessions.filter(Q(speaker_links__person=person) | Q(items__speakers=person)).distinct().order_by("start")
    own = list(own)
    if not own and not is_previewer(request):
        # People appear publicly only through the sessions they speak in.
        raise Http404
    roles = {}
    for session in own:
        roles[session.pk] = [
            link.get_role_display() for link in session.speaker_links.all() if link.person_id == person.pk
        ]
    context = {"edition": edition, "person": person, "sessions": own, "roles": roles, "section": "speakers"}
    return render(request, "agenda/speaker_detail.html", context)


@programme_page
def organisation_list(request, edition):
    sessions = public_sessions(edition=edition, preview=is_previewer(request)).order_by("start")
    links = SessionOrganiser.objects.filter(session__in=sessions.values("pk")).select_related("session")
    organisations = (
        Organisation.objects.filter(edition=edition, organiser_links__session__in=sessions.values("pk"))
        .distinct()
        .order_by("name")
        .prefetch_related(
            Prefetch("organiser_links", queryset=links.order_by("session__start"), to_attr="public_links")
        )
    )
    query = request.GET.get("q", "")
    organisations = _search(organisations, query, ["name"])
    page = Paginator(organisations, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "agenda/organisation_list.html",
        {"edition": edition, "page": page, "query": query, "section": "organisations"},
    )


@programme_page
def organisation_detail(request, edition, slug):
    organisation = get_object_or_404(Organisation, edition=edition, slug=slug)
    sessions = public_sessions(edition=edition, preview=is_previewer(request))
    links = list(
        SessionOrganiser.objects.filter(organisation=organisation, session__in=sessions.values("pk"))
        .select_related("session__room", "session__venue")
        .order_by("session__start")
    )
    people = Person.objects.filter(organisation=organisation).filter(
        pk__in=_speaking_people(edition, sessions).values("pk")
    )
    context = {
        "edition": edition,
        "organisation": organisation,
        "links": links,
        "people": people,
        "section": "organisations",
    }
    return render(request, "agenda/organisation_detail.html", context)
