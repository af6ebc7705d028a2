"""Who speaks at an edition and which organisations take part: one answer for the pages, the API, the
awards and the sitemap.

A public speaker of an edition is one of its people who speaks in a session a visitor may see, either
as a speaker of the session or in an item of its run-of-show.
"""

from django.db.models import Exists, OuterRef, Prefetch, Q

from agenda.models import (
    Edition,
    Exhibit,
    Honouree,
    Organisation,
    Person,
    Session,
    SessionItem,
    SessionOrganiser,
    SessionSpeaker,
)
from agenda.selectors.ordering import by_name, sorts_by_pinyin
from agenda.selectors.programme import visible_sessions
from agenda.translation import contains_in_either_language, translated_columns

SEARCH_MAX_LENGTH = 200


def speaks_in(sessions, *, person=None):
    """An expression: the person (the outer row, or `person`, e.g. `OuterRef("person_id")`) speaks in one of
    `sessions`, as a speaker or in its run-of-show."""
    person = OuterRef("pk") if person is None else person
    session_ids = sessions.values("pk")
    as_speaker = SessionSpeaker.objects.filter(person=person, session__in=session_ids)
    in_run_of_show = SessionItem.speakers.through.objects.filter(person=person, sessionitem__session__in=session_ids)
    return Exists(as_speaker) | Exists(in_run_of_show)


def public_speakers(*, edition, preview=False):
    """The edition's people who speak in a session a visitor may see (drafts included for a preview)."""
    return Person.objects.filter(edition=edition).filter(speaks_in(visible_sessions(edition=edition, preview=preview)))


def visible_speakers(*, edition, preview=False):
    """The people whose page (and share card) a visitor may open: the public speakers; a preview, anyone of
    the edition."""
    return Person.objects.filter(edition=edition) if preview else public_speakers(edition=edition)


def speaker_countries(*, edition, preview=False):
    """How many countries the edition's public speakers come from (those whose country is known)."""
    return public_speakers(edition=edition, preview=preview).exclude(country="").values("country").distinct().count()


def published_speakers():
    """The public speakers of every published edition, as `public_speakers` finds them (for the sitemap)."""
    return Person.objects.filter(edition__in=Edition.objects.published()).filter(speaks_in(Session.objects.public()))


def search_names(queryset, query, fields):
    """Rows where one of the translated `fields` contains `query` (trimmed, and cut to a sensible length), in
    either language."""
    query = (query or "").strip()[:SEARCH_MAX_LENGTH]
    if not query:
        return queryset
    return queryset.filter(contains_in_either_language(query, *fields))


def speaker_directory(*, edition, preview=False, query=""):
    """The speakers page: public speakers by name (`by_name`), with their organisation, narrowed by a search."""
    people = public_speakers(edition=edition, preview=preview).select_related("organisation").order_by("name")
    return by_name(search_names(people, query, ["name", "title", "organisation__name"]))


def sessions_of_speaker(*, person, sessions):
    """Of `sessions` (loaded by `public_sessions`), those the person speaks in, in time order."""
    spoken = sessions.filter(Q(speaker_links__person=person) | Q(items__speakers=person)).distinct()
    return list(spoken.order_by("start"))


def taking_part(*, edition, preview=False):
    """The organisations taking part in an edition: they organise a session a visitor may see, their people are
    its public speakers, they exhibit at its expo or are honoured by its awards. Each has a public page; the
    organisations page and the API list them, each row annotated with `exhibits_here` and `honoured_here`."""
    session_ids = visible_sessions(edition=edition, preview=preview).values("pk")
    organises = Exists(SessionOrganiser.objects.filter(organisation=OuterRef("pk"), session__in=session_ids))
    speaks = Exists(public_speakers(edition=edition, preview=preview).filter(organisation=OuterRef("pk")))
    exhibits = Exists(Exhibit.objects.filter(exhibitor=OuterRef("pk"), expo__edition=edition))
    honoured = Exists(Honouree.objects.filter(organisation=OuterRef("pk"), programme__edition=edition))
    return (
        Organisation.objects.filter(edition=edition)
        .annotate(exhibits_here=exhibits, honoured_here=honoured)
        .filter(organises | speaks | exhibits | honoured)
    )


def organisation_directory(*, edition, preview=False, query=""):
    """The organisations page: those taking part, by name (`by_name`), each with `public_links` (its organiser
    links to the sessions a visitor may see, in time order) and `public_speakers` (its people who speak, by name)."""
    session_ids = visible_sessions(edition=edition, preview=preview).values("pk")
    links = SessionOrganiser.objects.filter(session__in=session_ids).select_related("session")
    speakers = public_speakers(edition=edition, preview=preview).order_by("name").only("name", "slug", "organisation")
    organisations = (
        taking_part(edition=edition, preview=preview)
        .order_by("name")
        .prefetch_related(
            Prefetch("organiser_links", queryset=links.order_by("session__start"), to_attr="public_links"),
            Prefetch("people", queryset=speakers, to_attr="public_speakers"),
        )
    )
    organisations = search_names(organisations, query, ["name"])
    if not sorts_by_pinyin():
        return organisations
    organisations = by_name(organisations)
    for organisation in organisations:
        organisation.public_speakers = by_name(organisation.public_speakers)
    return organisations


def organisation_links(*, organisation, edition, preview=False):
    """The organisation's links to the sessions a visitor may see, in time order."""
    session_ids = visible_sessions(edition=edition, preview=preview).values("pk")
    return list(
        SessionOrganiser.objects.filter(organisation=organisation, session__in=session_ids)
        .select_related("session__room", "session__venue")
        .order_by("session__start")
    )


def organisation_speakers(*, organisation, edition, preview=False):
    """The organisation's people who are public speakers of the edition, by name."""
    return by_name(public_speakers(edition=edition, preview=preview).filter(organisation=organisation).order_by("name"))


def speakers_with_sessions(*, edition, preview=False):
    """The public speakers by name, each with `public_speaker_links` and `public_items`: where they speak, and their
    identity's rows at other editions (`with_identity_rows`)."""
    from agenda.selectors.identities import with_identity_rows

    session_ids = visible_sessions(edition=edition, preview=preview).values("pk")
    return with_identity_rows(
        public_speakers(edition=edition, preview=preview)
        .select_related("organisation")
        .prefetch_related(
            Prefetch(
                "speaker_links",
                queryset=SessionSpeaker.objects.filter(session__in=session_ids)
                .select_related("session")
                .only("person", "session", "session__slug", "session__start"),
                to_attr="public_speaker_links",
            ),
            Prefetch(
                "session_items",
                queryset=SessionItem.objects.filter(session__in=session_ids)
                .select_related("session")
                .only("session", "session__slug", "session__start"),
                to_attr="public_items",
            ),
        )
        .order_by("name", "slug")
    )


def organisations_taking_part(*, edition, preview=False):
    """Organisations that organise a visible session or whose people are public speakers, by name, each with
    `public_organiser_links` and their identity's rows at other editions (the API's list)."""
    from agenda.selectors.identities import with_identity_rows

    session_ids = visible_sessions(edition=edition, preview=preview).values("pk")
    return with_identity_rows(
        taking_part(edition=edition, preview=preview)
        .prefetch_related(
            Prefetch(
                "organiser_links",
                queryset=SessionOrganiser.objects.filter(session__in=session_ids)
                .select_related("session")
                .only(
                    "organisation",
                    "role",
                    "session",
                    "session__slug",
                    "session__start",
                    "session__is_sample",
                    *translated_columns("session__title"),
                )
                .order_by("session__start", "session__slug", "position", "pk"),
                to_attr="public_organiser_links",
            )
        )
        .order_by("name", "slug")
    )


def organisation_exhibits(*, organisation, edition):
    """The organisation's exhibits at the edition's expo, as the expo lists them."""
    return list(Exhibit.objects.filter(exhibitor=organisation, expo__edition=edition).order_by("title"))


def organisation_honours(*, organisation, edition):
    """The edition's honours the organisation received, in the awards' order."""
    return list(
        Honouree.objects.filter(organisation=organisation, programme__edition=edition)
        .select_related("programme", "category")
        .order_by("programme__position", "position", "pk")
    )
