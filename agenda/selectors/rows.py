"""Public sessions loaded as plain rows, for pages and feeds that keep a fragment per session.

`load_sessions` reads the sessions (with their room and venue, their venue and their topic) and, as asked,
their speakers, organisers and run-of-show, one query each. Each session's rows make its `digest`: any saved
change to what a fragment shows (the session, its room, a speaker's name or organisation, an item, either
language's text) gives a new digest. Model instances are made from the same rows, without queries: every
session gets its room, venue and topic; the speakers, organisers and run-of-show are attached only to the
sessions whose fragment has to be rendered (`attach`), which is what the related managers then return.
"""

import hashlib
import pickle
from dataclasses import dataclass, field
from functools import cached_property

from django.db import router

from agenda.models import (
    Organisation,
    Person,
    Room,
    Session,
    SessionItem,
    SessionOrganiser,
    SessionSpeaker,
    Topic,
    Venue,
)
from agenda.translation import TRANSLATED_FIELDS

# Of people, organisations and venues, the pages and feeds made from these rows show only their names (and a
# person's title and organisation); their other columns (biographies, original pictures, addresses) are left deferred,
# as is the organisation of a speaker in a run-of-show.
SHOWN_FIELDS = {
    Person: (
        "id",
        "edition_id",
        "name",
        "slug",
        "title",
        "organisation_id",
        # The agenda's cards show each speaker's face.
        "photo_thumbnail",
        "photo_thumbnail_width",
        "photo_large",
        "photo_large_width",
    ),
    Organisation: ("id", "edition_id", "name", "slug"),
    Venue: ("id", "edition_id", "name", "slug"),
}


def _columns(model):
    """The model's columns, each translated field by its language columns only (the plain name is the active
    language's, rewritten by the translation layer)."""
    translated = TRANSLATED_FIELDS.get(model, ())
    shown = SHOWN_FIELDS.get(model)
    columns = []
    for f in model._meta.concrete_fields:
        name = getattr(f, "translated_field", f).attname  # a language column's field
        if f.attname not in translated and (shown is None or name in shown):
            columns.append(f.attname)
    return columns


class _Part:
    """One model's slice of a row, made into an instance once per primary key."""

    def __init__(self, model, prefix, start):
        self.model, self.columns = model, _columns(model)
        self.names = frozenset(self.columns)
        self.paths = [prefix + name for name in self.columns]
        self.start, self.end = start, start + len(self.columns)
        self.pk_index = start + self.columns.index(model._meta.pk.attname)
        self.made = {}

    def instance(self, row, db):
        pk = row[self.pk_index]
        if pk is None:
            return None
        if pk not in self.made:
            self.made[pk] = self.model.from_db(db, self.names, row[self.start : self.end])
        return self.made[pk]


def _parts(*specs):
    parts, start = [], 0
    for model, prefix in specs:
        parts.append(_Part(model, prefix, start))
        start = parts[-1].end
    return parts


def _query(queryset, parts):
    # The language columns are named, so the translation layer's rewriting (done for filters and ordering
    # already) and its per-row fallbacks are not needed here.
    if hasattr(queryset, "rewrite"):
        queryset = queryset.rewrite(False)
    return queryset.values_list(*(path for part in parts for path in part.paths))


def _cache(instance, name, value):
    getattr(type(instance), name).field.set_cached_value(instance, value)


def _prefetched(instance, name, objects):
    """What prefetch_related leaves on `instance` for `name`: its manager's .all() gives `objects`."""
    manager = getattr(instance, name)
    queryset = manager.model._default_manager.all()
    queryset._result_cache, queryset._prefetch_done = list(objects), True
    cache_name = getattr(manager, "prefetch_cache_name", None) or manager.field.remote_field.cache_name
    instance.__dict__.setdefault("_prefetched_objects_cache", {})[cache_name] = queryset


@dataclass
class LoadedSession:
    session: Session
    rows: tuple
    speakers: list = field(default_factory=list)
    organisers: list = field(default_factory=list)
    items: list = field(default_factory=list)  # (item row, [speaker rows])

    @cached_property
    def digest(self):
        # Plain values (text, numbers, dates, UUIDs) pickle alike in every process of one deployment.
        data = pickle.dumps((self.rows, self.speakers, self.organisers, self.items), protocol=5)
        return hashlib.blake2b(data, digest_size=16).hexdigest()


class LoadedSessions(list):
    """LoadedSession in the queryset's order; `attach(loaded)` gives those sessions their related objects."""

    def __init__(self, loaded, *, db, speakers, organisers, items):
        super().__init__(loaded)
        self.db, self.kinds = db, {"speakers": speakers, "organisers": organisers, "items": items}

    @property
    def sessions(self):
        return [loaded.session for loaded in self]

    def attach(self, loaded_sessions):
        speaker_parts = _parts((SessionSpeaker, ""), (Person, "person__"), (Organisation, "person__organisation__"))
        organiser_parts = _parts((SessionOrganiser, ""), (Organisation, "organisation__"))
        item_parts = _parts((SessionItem, ""))
        person_part = _parts((Person, ""))[0]
        for loaded in loaded_sessions:
            session = loaded.session
            if self.kinds["speakers"]:
                links = []
                for row in loaded.speakers:
                    link, person, organisation = (part.instance(row, self.db) for part in speaker_parts)
                    _cache(person, "organisation", organisation)
                    _cache(link, "person", person)
                    links.append(link)
                _prefetched(session, "speaker_links", links)
            if self.kinds["organisers"]:
                links = []
                for row in loaded.organisers:
                    link, organisation = (part.instance(row, self.db) for part in organiser_parts)
                    _cache(link, "organisation", organisation)
                    links.append(link)
                _prefetched(session, "organiser_links", links)
            if self.kinds["items"]:
                items = []
                for item_row, speaker_rows in loaded.items:
                    item = item_parts[0].instance(item_row, self.db)
                    _prefetched(item, "speakers", [person_part.instance(row, self.db) for row in speaker_rows])
                    items.append(item)
                _prefetched(session, "items", items)


def load_sessions(queryset, *, speakers=False, organisers=False, items=False):
    """The sessions of `queryset` (in its order) as LoadedSessions: one query for the sessions and one each
    for their speakers (with organisations), organisers and run-of-show (with its speakers' names), as asked."""
    db = router.db_for_read(Session)
    parts = _parts(
        (Session, ""),
        (Room, "room__"),
        (Venue, "room__venue__"),
        (Venue, "venue__"),
        (Topic, "topic__"),
    )
    session_part, room_part, room_venue_part, venue_part, topic_part = parts
    loaded, by_pk = [], {}
    for row in _query(queryset.prefetch_related(None), parts):
        session = session_part.instance(row, db)
        room = room_part.instance(row, db)
        if room is not None:
            _cache(room, "venue", room_venue_part.instance(row, db))
        _cache(session, "room", room)
        _cache(session, "venue", venue_part.instance(row, db))
        _cache(session, "topic", topic_part.instance(row, db))
        by_pk[session.pk] = LoadedSession(session=session, rows=row)
        loaded.append(by_pk[session.pk])
    pks = list(by_pk)
    # The sessions again, as a subquery: a list of hundreds of ids costs more to send than to select again.
    chosen = queryset.order_by().values("pk")
    if pks and speakers:
        parts = _parts((SessionSpeaker, ""), (Person, "person__"), (Organisation, "person__organisation__"))
        links = SessionSpeaker.objects.filter(session__in=chosen).order_by(*SessionSpeaker._meta.ordering)
        for row in _query(links, parts):
            by_pk[row[parts[0].columns.index("session_id")]].speakers.append(row)
    if pks and organisers:
        parts = _parts((SessionOrganiser, ""), (Organisation, "organisation__"))
        links = SessionOrganiser.objects.filter(session__in=chosen).order_by(*SessionOrganiser._meta.ordering)
        for row in _query(links, parts):
            by_pk[row[parts[0].columns.index("session_id")]].organisers.append(row)
    if pks and items:
        # One row per item and speaker (an item without speakers once): the item's speakers in their own order.
        parts = _parts((SessionItem, ""), (Person, "speakers__"))
        person_order = [f"speakers__{name}" for name in Person._meta.ordering]
        rows = SessionItem.objects.filter(session__in=chosen).order_by(*SessionItem._meta.ordering, *person_order)
        session_index, item_end = parts[0].columns.index("session_id"), parts[0].end
        last = None
        for row in _query(rows, parts):
            item_row = row[:item_end]
            if item_row != last:
                by_pk[item_row[session_index]].items.append((item_row, []))
                last = item_row
            if row[parts[1].pk_index] is not None:
                by_pk[item_row[session_index]].items[-1][1].append(row[item_end:])
    return LoadedSessions(loaded, db=db, speakers=speakers, organisers=organisers, items=items)
