"""Reads for the public programme: every list and feed loads in a fixed number of queries."""

from django.db.models import Count, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce

from agenda.models import Session, SessionItem, SessionOrganiser, SessionSpeaker


def public_sessions(*, edition, preview=False):
    """The edition's sessions as attendees see them (staff previews include drafts), in time order,
    with rooms, topics, speakers, organisers and run-of-show loaded in advance."""
    sessions = Session.objects.filter(edition=edition)
    if not preview:
        sessions = sessions.public()
    return sessions.select_related("room__venue", "venue", "topic").prefetch_related(
        Prefetch("speaker_links", queryset=SessionSpeaker.objects.select_related("person__organisation")),
        Prefetch("organiser_links", queryset=SessionOrganiser.objects.select_related("organisation")),
        Prefetch("items", queryset=SessionItem.objects.prefetch_related("speakers")),
    )


def session_total(*, edition):
    """How many sessions the edition has, as every page, feed and the API count them: the public ones,
    as the agenda lists them (cancelled ones and breaks included). One query."""
    return Session.objects.filter(edition=edition).public().count()


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


def session_detail_queryset(*, edition, preview=False):
    return public_sessions(edition=edition, preview=preview)


def search_sessions(sessions, query):
    """Sessions whose title, description, speakers, organisations or run-of-show match `query`."""
    query = (query or "").strip()
    if not query:
        return sessions
    matches = Session.objects.filter(
        Q(title__icontains=query)
        | Q(description__icontains=query)
        | Q(speaker_links__person__name__icontains=query)
        | Q(organiser_links__organisation__name__icontains=query)
        | Q(items__title__icontains=query)
        | Q(items__speakers__name__icontains=query)
    ).values("pk")
    return sessions.filter(pk__in=matches)
