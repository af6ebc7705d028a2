"""Reads that span models: what the admin and pages need, in a fixed number of queries."""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Q

from agenda.models import Person, Session, SessionItem, SessionSpeaker


@dataclass(frozen=True)
class ClashingSessions:
    """Ids of sessions that share a room, or a speaker, with another session at an overlapping time."""

    room: frozenset
    speaker: frozenset

    @property
    def any(self):
        return self.room | self.speaker


def _overlapping_pairs(spans):
    """Yield pairs of ids whose (start, end) overlap, from (id, start, end, payload) tuples."""
    running = []
    for span in sorted(spans, key=lambda span: span[1]):
        running = [other for other in running if other[2] > span[1]]
        for other in running:
            yield other, span
        running.append(span)


def clashing_sessions(sessions) -> ClashingSessions:
    """Find clashes among `sessions` (a queryset) in three queries, whatever the schedule's size.

    A session in a room clashes with another in that room and with a whole-venue session of its venue
    (a break or ceremony for every room); cancelled sessions clash with nothing.
    """
    sessions = sessions.active()
    rows = list(sessions.values_list("pk", "start", "end", "room_id", "venue_id", "room__venue_id"))
    by_venue = defaultdict(list)
    for pk, start, end, room_id, venue_id, room_venue_id in rows:
        if venue_id or room_venue_id:
            by_venue[venue_id or room_venue_id].append((pk, start, end, room_id))
    room = set()
    for spans in by_venue.values():
        for first, second in _overlapping_pairs(spans):
            if first[3] is None or second[3] is None or first[3] == second[3]:
                room.update((first[0], second[0]))

    times = {pk: (start, end) for pk, start, end, *_ in rows}
    people = defaultdict(set)
    for session_id, person_id in SessionSpeaker.objects.filter(session__in=sessions).values_list(
        "session_id", "person_id"
    ):
        people[person_id].add(session_id)
    item_speakers = SessionItem.speakers.through.objects.filter(sessionitem__session__in=sessions)
    for session_id, person_id in item_speakers.values_list("sessionitem__session_id", "person_id"):
        people[person_id].add(session_id)
    speaker = set()
    for session_ids in people.values():
        if len(session_ids) > 1:
            spans = [(pk, *times[pk], None) for pk in session_ids]
            for first, second in _overlapping_pairs(spans):
                speaker.update((first[0], second[0]))
    return ClashingSessions(room=frozenset(room), speaker=frozenset(speaker))


def room_clashes(session):
    """Other sessions that use the same room (or the whole venue) at an overlapping time."""
    if session.is_cancelled or not (session.room_id or session.venue_id):
        return Session.objects.none()
    venue_id = session.venue_id or session.room.venue_id
    place = Q(venue_id=venue_id)
    if session.room_id:
        place |= Q(room_id=session.room_id)
    else:
        place |= Q(room__venue_id=venue_id)
    return (
        Session.objects.active()
        .filter(edition_id=session.edition_id)
        .overlapping(start=session.start, end=session.end)
        .filter(place)
        .exclude(pk=session.pk)
        .select_related("room")
        .order_by("start")
    )


def speaker_clashes(session):
    """(person, other session) pairs where someone speaks in this session and another at the same time."""
    if session.is_cancelled:
        return []
    people = Person.objects.filter(Q(speaker_links__session=session) | Q(session_items__session=session)).distinct()
    others = (
        Session.objects.active()
        .filter(edition_id=session.edition_id)
        .overlapping(start=session.start, end=session.end)
        .exclude(pk=session.pk)
        .filter(Q(speaker_links__person__in=people) | Q(items__speakers__in=people))
        .distinct()
        .prefetch_related("speaker_links__person", "items__speakers")
        .order_by("start")
    )
    wanted = {person.pk: person for person in people}
    pairs = []
    for other in others:
        names = {link.person_id for link in other.speaker_links.all()}
        names |= {p.pk for item in other.items.all() for p in item.speakers.all()}
        for person_id in sorted(names & wanted.keys(), key=lambda pk: wanted[pk].name):
            pairs.append((wanted[person_id], other))
    return pairs
