"""Reads for the competitions: each with its final, tracks and entries, in a fixed number of queries."""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Prefetch

from agenda.enums import CompetitionResult
from agenda.models import Competition, CompetitionEntry, CompetitionTrack
from agenda.selectors.people import taking_part
from agenda.selectors.programme import visible_sessions


def competitions(*, edition, preview=False):
    """The edition's competitions in order, with their final, tracks and entries.

    Each competition has `final_is_public` (its final session may be shown) and each entry
    `organisation_has_page` (its organisation takes part in the edition, so has a public page).
    """
    sessions = visible_sessions(edition=edition, preview=preview)
    organisations = taking_part(edition=edition, preview=preview)
    entries = (
        CompetitionEntry.objects.select_related("organisation", "track")
        .annotate(organisation_has_page=Exists(organisations.filter(pk=OuterRef("organisation_id"))))
        .order_by("position", "pk")
    )
    return (
        Competition.objects.filter(edition=edition)
        .select_related("final__room__venue", "final__venue")
        .annotate(final_is_public=Exists(sessions.filter(pk=OuterRef("final_id"))))
        .prefetch_related(
            Prefetch("tracks", queryset=CompetitionTrack.objects.order_by("position", "name", "pk")),
            Prefetch("entries", queryset=entries),
        )
        .order_by("position", "name", "pk")
    )


def by_result(entries):
    """Entries best result first (winners, prizes, honourable mentions, finalists), in their order within each."""
    return sorted(entries, key=lambda entry: CompetitionResult.rank(entry.result))


@dataclass(frozen=True)
class TrackGroup:
    track: CompetitionTrack | None
    prizes: list
    finalists: list


def track_groups(competition):
    """A competition's entries by track, in the tracks' order (entries without a track last), each split into
    the prize winners (best first) and the other finalists."""
    entries = list(competition.entries.all())
    tracks = list(competition.tracks.all())
    known = {track.pk for track in tracks}
    buckets = [(track, [e for e in entries if e.track_id == track.pk]) for track in tracks]
    rest = [e for e in entries if e.track_id not in known]
    if rest or not tracks:
        buckets.append((None, rest))
    return [
        TrackGroup(
            track,
            by_result(e for e in bucket if e.result != CompetitionResult.FINALIST),
            [e for e in bucket if e.result == CompetitionResult.FINALIST],
        )
        for track, bucket in buckets
    ]


def attach_track_groups(items):
    """The competitions (loaded by `competitions`) as a list, each with `groups` of entries by track."""
    items = list(items)
    for competition in items:
        competition.groups = track_groups(competition)
    return items


def competitions_decided_at(session):
    """The competitions whose final is this session (for the session's page)."""
    return Competition.objects.filter(edition_id=session.edition_id, final=session).order_by("position", "name", "pk")


def competition_links(*, edition):
    """The edition's competitions in order, names only (the awards page links to them)."""
    return list(
        Competition.objects.filter(edition=edition).only("slug", "name", "is_sample").order_by("position", "name", "pk")
    )
