"""The public programme of an edition as a release keeps it: one entry per public session, in both languages.

The entry format is the one fixed in `agenda.models.Release`. Texts are what a reader of each language sees:
a Chinese text left empty is the English one (as on the pages), so a comparison never mistakes a missing
translation for an empty title.
"""

import datetime as dt

from django.db.models import Prefetch

from agenda.models import Session, SessionSpeaker


def _both(obj, field):
    english = getattr(obj, f"{field}_en") or ""
    return english, getattr(obj, f"{field}_zh_hans") or english


def _room(session):
    """The room, or for a whole-venue session its venue; empty when neither is known yet."""
    place = session.room if session.room_id else session.venue if session.venue_id else None
    return _both(place, "name") if place is not None else ("", "")


def _moment(value):
    return value.astimezone(dt.UTC).isoformat()


def entry(session):
    """One session as a snapshot keeps it (speakers and room loaded with it)."""
    title_en, title_zh = _both(session, "title")
    room_en, room_zh = _room(session)
    people = [link.person for link in session.speaker_links.all()]
    names = [_both(person, "name") for person in people]
    return {
        "title_en": title_en,
        "title_zh_hans": title_zh,
        "slug": session.slug,
        "start": _moment(session.start),
        "end": _moment(session.end),
        "room_en": room_en,
        "room_zh_hans": room_zh,
        "status": session.status,
        "speakers_en": [english for english, _chinese in names],
        "speakers_zh_hans": [chinese for _english, chinese in names],
    }


def snapshot(edition):
    """Every public session of the edition (published and cancelled), keyed by id as a string: two queries."""
    sessions = (
        Session.objects.public()
        .filter(edition=edition)
        .select_related("room", "venue")
        .prefetch_related(
            Prefetch(
                "speaker_links",
                queryset=SessionSpeaker.objects.select_related("person").order_by("position", "pk"),
            )
        )
        .order_by("start", "pk")
    )
    return {str(session.pk): entry(session) for session in sessions}
