"""Reads for the public programme: every list and feed loads in a fixed number of queries."""

import datetime as dt

from django.db.models import Count, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce

from agenda.enums import SessionKind, SessionStatus
from agenda.models import Session, SessionItem, SessionOrganiser, SessionSpeaker
from agenda.translation import contains_in_either_language


def visible_sessions(*, edition, preview=False):
    """The edition's sessions a visitor may see: the public ones, or every one for a preview. Nothing
    loaded in advance: for counts and subqueries."""
    sessions = Session.objects.filter(edition=edition)
    return sessions if preview else sessions.public()


def public_sessions(*, edition, preview=False):
    """The edition's sessions as attendees see them (previews include drafts), in time order,
    with rooms, topics, speakers, organisers and run-of-show loaded in advance."""
    return (
        visible_sessions(edition=edition, preview=preview)
        .select_related("room__venue", "venue", "topic")
        .prefetch_related(
            Prefetch("speaker_links", queryset=SessionSpeaker.objects.select_related("person__organisation")),
            Prefetch("organiser_links", queryset=SessionOrganiser.objects.select_related("organisation")),
            Prefetch("items", queryset=SessionItem.objects.prefetch_related("speakers")),
        )
    )


def session_for_card(*, edition, slug, preview=False):
    """The visible session at `slug` (None if there is none) as its share card shows it: with its room, venue
    and topic, and its speakers (`speaker_links`, with each person) in order. Two queries."""
    sessions = visible_sessions(edition=edition, preview=preview).select_related("room__venue", "venue", "topic")
    speakers = Prefetch("speaker_links", queryset=SessionSpeaker.objects.select_related("person"))
    return sessions.prefetch_related(speakers).filter(slug=slug).first()


def session_total(*, edition):
    """How many sessions the edition has, as every page, feed and the API count them: the public ones,
    as the agenda lists them (cancelled ones and breaks included). One query."""
    return visible_sessions(edition=edition).count()


def with_session_totals(editions):
    """Editions annotated with `session_total`, counted as `session_total` counts (in the same query)."""
    totals = (
        Session.objects.public()
        .filter(edition=OuterRef("pk"))
        .order_by()
        .values("edition")
        .annotate(total=Count("pk"))
        .values("total")
    )
    return editions.annotate(session_total=Coalesce(Subquery(totals), 0))


def search_sessions(sessions, query):
    """Sessions whose title, description, speakers, organisations or run-of-show match `query`."""
    query = (query or "").strip()
    if not query:
        return sessions
    # Either language's text matches, whichever language the page is in.
    matches = Session.objects.filter(
        contains_in_either_language(
            query,
            "title",
            "description",
            "speaker_links__person__name",
            "organiser_links__organisation__name",
            "items__title",
            "items__speakers__name",
        )
    ).values("pk")
    return sessions.filter(pk__in=matches)


def running_and_next(*, edition, at, preview=False):
    """Sessions running at `at`, and those starting within the next day, in time order."""
    sessions = public_sessions(edition=edition, preview=preview).active()
    running = list(sessions.filter(start__lte=at, end__gt=at).order_by("start"))
    upcoming = list(sessions.filter(start__gt=at, start__lt=at + dt.timedelta(days=1)).order_by("start")[:60])
    return running, upcoming


HIGHLIGHT_KINDS = [SessionKind.OPENING_CEREMONY, SessionKind.PLENARY, SessionKind.AWARD_CEREMONY]


def highlights(*, edition, preview=False, limit=6):
    """The ceremonies and plenaries an edition's home page leads with, in time order."""
    return public_sessions(edition=edition, preview=preview).filter(kind__in=HIGHLIGHT_KINDS).order_by("start")[:limit]


def featured_sub_forums(*, edition, preview=False, limit=3):
    """A few sub-forums for the home page's highlights: those with the most speakers, not cancelled, in time order."""
    busiest = (
        public_sessions(edition=edition, preview=preview)
        .filter(kind=SessionKind.SUB_FORUM)
        .exclude(status=SessionStatus.CANCELLED)
        .annotate(speaker_total=Count("speaker_links", distinct=True))
        .order_by("-speaker_total", "start", "pk")[:limit]
    )
    return sorted(busiest, key=lambda session: (session.start, session.pk))


def sub_forum_total(*, edition, preview=False):
    return visible_sessions(edition=edition, preview=preview).filter(kind=SessionKind.SUB_FORUM).count()
