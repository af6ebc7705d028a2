"""A person or organisation at the summit's other editions: what their page says under "At other editions".

Each edition has its own rows of people and organisations; the rows of one identity are the same person or
organisation (agenda.models.identities). Only published editions and the sessions a visitor may see are shown,
also in a preview: the links lead to public pages. Each read is a fixed number of queries, however many editions.
"""

import dataclasses

from django.db.models import Exists, OuterRef, Prefetch, Q

from agenda.models import Edition, Exhibit, Honouree, Organisation, Person, Session, SessionOrganiser, SessionSpeaker
from agenda.selectors.people import speaks_in


@dataclasses.dataclass
class OtherEdition:
    """The identity's row in another edition, and what it did there. `has_page`: the row has a public page there."""

    edition: Edition
    row: object
    sessions: list = dataclasses.field(default_factory=list)  # a person's sessions, each with `identity_roles`
    links: list = dataclasses.field(default_factory=list)  # an organisation's organiser links
    speakers: list = dataclasses.field(default_factory=list)  # an organisation's people who spoke
    exhibits: list = dataclasses.field(default_factory=list)
    honours: list = dataclasses.field(default_factory=list)
    has_page: bool = False

    @property
    def took_part(self):
        return bool(self.sessions or self.links or self.speakers or self.exhibits or self.honours)


def _other_rows(row):
    model = type(row)
    rows = (
        model.objects.filter(identity=row.identity_id, edition__is_published=True)
        .exclude(pk=row.pk)
        .select_related("edition", *(["organisation"] if model is Person else []))
        .order_by("-edition__start_date")
    )
    return {other.pk: OtherEdition(edition=other.edition, row=other) for other in rows}


def person_at_other_editions(*, person) -> list[OtherEdition]:
    """The person at the summit's other published editions, latest first: the public sessions they speak in there
    (each with `identity_roles`, their roles in it) and the honours they received. Four queries at most."""
    if person.identity_id is None:
        return []
    found = _other_rows(person)
    if not found:
        return []
    ids = list(found)
    by_edition = {other.edition.pk: other for other in found.values()}
    sessions = (
        Session.objects.public()
        .filter(Q(speaker_links__person__in=ids) | Q(items__speakers__in=ids))
        .distinct()
        .order_by("start", "pk")
        .prefetch_related(
            Prefetch("speaker_links", queryset=SessionSpeaker.objects.filter(person__in=ids), to_attr="identity_links")
        )
    )
    for session in sessions:
        session.identity_roles = [link.get_role_display() for link in session.identity_links]
        by_edition[session.edition_id].sessions.append(session)
        by_edition[session.edition_id].has_page = True
    honours = Honouree.objects.filter(person__in=ids).select_related("programme", "category")
    for honour in honours.order_by("programme__position", "position", "pk"):
        found[honour.person_id].honours.append(honour)
    return [other for other in found.values() if other.took_part]


def organisation_at_other_editions(*, organisation) -> list[OtherEdition]:
    """The organisation at the summit's other published editions, latest first: the public sessions it organises
    there, its people who speak, its exhibits and its honours (what makes it take part, as `taking_part` says).
    Five queries at most."""
    if organisation.identity_id is None:
        return []
    found = _other_rows(organisation)
    if not found:
        return []
    ids = list(found)
    links = (
        SessionOrganiser.objects.filter(organisation__in=ids, session__in=Session.objects.public())
        .select_related("session")
        .order_by("session__start", "position", "pk")
    )
    for link in links:
        found[link.organisation_id].links.append(link)
    speakers = Person.objects.filter(organisation__in=ids).filter(speaks_in(Session.objects.public()))
    for speaker in speakers.order_by("name").only("name", "slug", "organisation", "edition"):
        found[speaker.organisation_id].speakers.append(speaker)
    for exhibit in Exhibit.objects.filter(exhibitor__in=ids).order_by("title"):
        found[exhibit.exhibitor_id].exhibits.append(exhibit)
    honours = Honouree.objects.filter(organisation__in=ids).select_related("programme", "category")
    for honour in honours.order_by("programme__position", "position", "pk"):
        found[honour.organisation_id].honours.append(honour)
    result = [other for other in found.values() if other.took_part]
    for other in result:
        other.has_page = True
    return result


def other_editions_variant(model):
    """For `programme_page(vary=…)`: the page of a person or organisation shows their other editions, so it
    follows those editions' programmes as well as its own. One query."""
    rows = "people" if model is Person else "organisations"
    assert model in (Person, Organisation)

    def variant(request, edition, slug):
        stamps = (
            model.objects.filter(**{f"identity__{rows}__edition": edition, f"identity__{rows}__slug": slug})
            .exclude(edition=edition)
            .order_by("edition_id")
            .values_list("edition_id", "edition__programme_version", "edition__programme_changed_at")
        )
        return ";".join(f"{pk}-{version}-{at.timestamp():.6f}" for pk, version, at in stamps)

    return variant


def people_with_pages():
    """The rows of people, of every published edition, that have a public page there: they speak in a session a
    visitor may see (as `public_speakers` finds them)."""
    return Person.objects.filter(edition__is_published=True).filter(speaks_in(Session.objects.public()))


def organisations_with_pages():
    """The rows of organisations, of every published edition, that have a public page there: they take part in it
    (as `taking_part` finds them)."""
    public = Session.objects.public()
    organises = Exists(SessionOrganiser.objects.filter(organisation=OuterRef("pk"), session__in=public.values("pk")))
    speaks = Exists(Person.objects.filter(organisation=OuterRef("pk")).filter(speaks_in(public)))
    exhibits = Exists(Exhibit.objects.filter(exhibitor=OuterRef("pk")))
    honoured = Exists(Honouree.objects.filter(organisation=OuterRef("pk")))
    return Organisation.objects.filter(edition__is_published=True).filter(organises | speaks | exhibits | honoured)


def with_identity_rows(queryset):
    """People or organisations with their identity and `identity.rows_with_pages`: its rows, in every published
    edition, that have a public page, latest edition first (the API's links to other editions). Two queries more."""
    model = queryset.model
    rows = people_with_pages() if model is Person else organisations_with_pages()
    related = "identity__people" if model is Person else "identity__organisations"
    return queryset.select_related("identity").prefetch_related(
        Prefetch(
            related,
            queryset=rows.select_related("edition")
            .only("slug", "identity", "edition")
            .order_by("-edition__start_date"),
            to_attr="rows_with_pages",
        )
    )
