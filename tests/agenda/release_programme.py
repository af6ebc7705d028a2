"""A programme with one session for every kind of change a release lists, shared by the release tests."""

import datetime as dt

from agenda.enums import SessionStatus
from agenda.models import Session
from tests.factories import PersonFactory, RoomFactory, SessionFactory, SessionSpeakerFactory


def at(edition, day, hour, minute=0):
    return dt.datetime.combine(edition.start_date + dt.timedelta(days=day), dt.time(hour, minute), tzinfo=edition.zone)


class Programme:
    """Sessions of every kind of change, and one that stays as it is."""

    def __init__(self, edition):
        self.edition = edition
        self.room_a = RoomFactory(venue__edition=edition, name="Room A", name_zh_hans="会场 A", position=1)
        self.room_b = RoomFactory(venue=self.room_a.venue, name="Room B", name_zh_hans="会场 B", position=2)

        def session(title, title_zh, day, hour, room=None, **fields):
            return SessionFactory(
                edition=edition,
                title=title,
                title_zh_hans=title_zh,
                room=room or self.room_a,
                start=at(edition, day, hour),
                end=at(edition, day, hour + 2),
                **fields,
            )

        self.steady = session("Steady forum", "稳定论坛", 0, 9)
        self.moving = session("Moving forum", "变动论坛", 1, 14)
        self.renamed = session("Data forum", "数据论坛", 1, 9)
        self.speakers = session("Speakers forum", "嘉宾论坛", 2, 9)
        self.cancelling = session("Cancelled forum", "取消论坛", 2, 14)
        self.withdrawn = session("Withdrawn forum", "撤回论坛", 3, 9)
        self.draft = session("New forum", "新论坛", 3, 14, status=SessionStatus.DRAFT)
        self.ada = PersonFactory(edition=edition, name="Ada Lovelace", name_zh_hans="阿达")
        self.alan = PersonFactory(edition=edition, name="Alan Turing", name_zh_hans="图灵")
        self.grace = PersonFactory(edition=edition, name="Grace Hopper", name_zh_hans="霍珀")
        SessionSpeakerFactory(session=self.speakers, person=self.ada, position=1)
        SessionSpeakerFactory(session=self.speakers, person=self.alan, position=2)
        SessionSpeakerFactory(session=self.steady, person=self.grace)

    def edit(self):
        """Move one, rename one, change the speakers of one, cancel one, withdraw one, publish a new one."""
        self.moving.room = self.room_b
        self.moving.start, self.moving.end = at(self.edition, 2, 9), at(self.edition, 2, 11)
        self.moving.save()
        self.renamed.title_en, self.renamed.title_zh_hans = "Data and trust forum", "数据与信任论坛"
        self.renamed.save()
        self.speakers.speaker_links.filter(person=self.alan).delete()
        SessionSpeakerFactory(session=self.speakers, person=self.grace, position=3)
        # The same speakers in another order is no change.
        self.steady.speaker_links.update(position=5)
        Session.objects.filter(pk=self.cancelling.pk).update(status=SessionStatus.CANCELLED)
        Session.objects.filter(pk=self.withdrawn.pk).update(status=SessionStatus.DRAFT)
        Session.objects.filter(pk=self.draft.pk).update(status=SessionStatus.PUBLISHED)
