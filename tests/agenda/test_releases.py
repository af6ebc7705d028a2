"""Programme releases: the snapshot, what changed between two, the changes page, the feeds' version, the admin."""

import datetime as dt
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections
from django.utils import timezone

from agenda import services
from agenda.enums import SessionStatus
from agenda.models import Edition, Release, Session
from agenda.releases import describe, diff, snapshot
from tests.factories import EditionFactory, PersonFactory, RoomFactory, SessionFactory, SessionSpeakerFactory

pytestmark = pytest.mark.django_db

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks are tested on PostgreSQL (DATABASE_URL=postgres://…)"
)


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


@pytest.fixture
def programme(edition):
    return Programme(edition)


def test_a_snapshot_keeps_every_public_session_in_both_languages(programme):
    SessionFactory(edition=programme.edition, status=SessionStatus.CANCELLED, title="Called off")

    taken = snapshot(programme.edition)

    public = Session.objects.public().filter(edition=programme.edition)
    assert set(taken) == {str(pk) for pk in public.values_list("pk", flat=True)}
    assert str(programme.draft.pk) not in taken
    assert taken[str(programme.speakers.pk)] == {
        "title_en": "Speakers forum",
        "title_zh_hans": "嘉宾论坛",
        "slug": programme.speakers.slug,
        "start": "2024-11-21T01:00:00+00:00",
        "end": "2024-11-21T03:00:00+00:00",
        "room_en": "Room A",
        "room_zh_hans": "会场 A",
        "status": "published",
        "speakers_en": ["Ada Lovelace", "Alan Turing"],
        "speakers_zh_hans": ["阿达", "图灵"],
    }


def test_a_whole_venue_session_is_in_its_venue_and_a_missing_translation_reads_as_english(edition):
    venue = RoomFactory(venue__edition=edition).venue
    venue.name_en, venue.name_zh_hans = "Expo Centre", "会展中心"
    venue.save()
    lunch = SessionFactory(edition=edition, room=None, venue=venue, title="Lunch", title_zh_hans="")

    entry = snapshot(edition)[str(lunch.pk)]

    assert (entry["room_en"], entry["room_zh_hans"]) == ("Expo Centre", "会展中心")
    assert (entry["title_en"], entry["title_zh_hans"]) == ("Lunch", "Lunch")


def test_the_snapshot_takes_the_same_queries_at_any_size(edition, django_assert_num_queries):
    SessionSpeakerFactory.create_batch(3, session__edition=edition)
    with django_assert_num_queries(2):
        snapshot(edition)
    SessionSpeakerFactory.create_batch(12, session__edition=edition)
    with django_assert_num_queries(2):
        assert len(snapshot(edition)) == 15


def test_the_second_release_lists_what_changed_since_the_first(programme):
    first = services.publish_release(edition=programme.edition, note="The programme")
    programme.edit()

    second = services.publish_release(edition=programme.edition, note="Room changes")

    assert (first.number, first.changes) == (1, [])
    kinds = {change["session"]: change["kinds"] for change in second.changes}
    assert kinds == {
        programme.moving.pk: ["moved"],
        programme.renamed.pk: ["renamed"],
        programme.speakers.pk: ["speakers"],
        programme.cancelling.pk: ["cancelled"],
        programme.withdrawn.pk: ["removed"],
        programme.draft.pk: ["added"],
    }
    assert programme.steady.pk not in kinds
    # By new start: the renamed (day 2, 09:00), then day 3's moved (09:00) and speakers (09:00, older start first).
    assert [change["session"] for change in second.changes] == [
        programme.renamed.pk,
        programme.moving.pk,
        programme.speakers.pk,
        programme.cancelling.pk,
        programme.withdrawn.pk,
        programme.draft.pk,
    ]
    moved = next(change for change in second.changes if change["session"] == programme.moving.pk)
    assert (moved["before"]["room_en"], moved["after"]["room_en"]) == ("Room A", "Room B")
    removed = next(change for change in second.changes if change["session"] == programme.withdrawn.pk)
    assert removed["after"] is None and removed["before"]["title_en"] == "Withdrawn forum"


def test_a_release_with_nothing_changed_lists_nothing(programme):
    services.publish_release(edition=programme.edition)
    assert services.publish_release(edition=programme.edition).changes == []


def test_a_cancelled_session_put_back_is_added_again():
    old = {
        "1": {
            "status": "cancelled",
            "start": "a",
            "end": "b",
            "room_en": "",
            "room_zh_hans": "",
            "title_en": "T",
            "title_zh_hans": "T",
            "speakers_en": [],
            "speakers_zh_hans": [],
            "slug": "t",
        }
    }
    new = {"1": {**old["1"], "status": "published"}}
    assert diff(old, new)[0]["kinds"] == ["added"]


def test_releases_are_numbered_one_after_another_in_each_edition(programme):
    other = EditionFactory()
    numbers = [services.publish_release(edition=programme.edition).number for _ in range(3)]
    assert numbers == [1, 2, 3]
    assert services.publish_release(edition=other).number == 1


def test_publishing_marks_the_programme_changed(programme):
    version = Edition.objects.get(pk=programme.edition.pk).programme_version
    services.publish_release(edition=programme.edition)
    assert Edition.objects.get(pk=programme.edition.pk).programme_version == version + 1


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_organisers_publishing_at_once_get_distinct_numbers():
    edition = EditionFactory()
    SessionFactory.create_batch(5, edition=edition)
    workers = 8
    start = threading.Barrier(workers)

    def publish(_):
        try:
            start.wait(timeout=30)
            return services.publish_release(edition=edition).number
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=workers) as pool:
        numbers = list(pool.map(publish, range(workers)))

    assert sorted(numbers) == list(range(1, workers + 1))
    releases = Release.objects.filter(edition=edition).order_by("number")
    assert list(releases.values_list("number", flat=True)) == list(range(1, workers + 1))


# -- how people read a change ------------------------------------------------------------------------


def test_a_move_reads_old_and_new_day_time_and_room_in_each_language(programme):
    from django.utils import translation

    services.publish_release(edition=programme.edition)
    programme.edit()
    change = next(
        c for c in services.publish_release(edition=programme.edition).changes if c["session"] == programme.moving.pk
    )

    with translation.override("en"):
        english = describe(change, zone=programme.edition.zone)
    with translation.override("zh-hans"):
        chinese = describe(change, zone=programme.edition.zone)

    assert str(english.lines[0]) == "Moved: Wed 20 Nov, 14:00–16:00, Room A → Thu 21 Nov, 09:00–11:00, Room B"
    assert english.title == "Moving forum"
    assert str(chinese.lines[0]) == "移动：11月20日 星期三 14:00–16:00，会场 A → 11月21日 星期四 09:00–11:00，会场 B"
    assert chinese.title == "变动论坛"


def test_renamed_and_speakers_read_what_was_and_what_is(programme):
    services.publish_release(edition=programme.edition)
    programme.edit()
    changes = {c["session"]: c for c in services.publish_release(edition=programme.edition).changes}

    renamed = describe(changes[programme.renamed.pk], zone=programme.edition.zone)
    speakers = describe(changes[programme.speakers.pk], zone=programme.edition.zone)

    assert str(renamed.lines[0]) == "Renamed: “Data forum” → “Data and trust forum”"
    assert str(speakers.lines[0]) == "Speakers: added: Grace Hopper; removed: Alan Turing"


# -- the changes page ----------------------------------------------------------------------------------


def test_the_changes_page_lists_each_release_newest_first_grouped_by_kind(client, programme):
    services.publish_release(edition=programme.edition, note="The programme is out")
    response = client.get("/2024/changes/")
    assert "First published programme: 6 sessions." in response.text

    programme.edit()
    services.publish_release(edition=programme.edition, note="Forums moved to Room B")
    response = client.get("/2024/changes/")

    text = response.text
    assert text.index("Release 2") < text.index("Release 1")
    assert "Forums moved to Room B" in text and "The programme is out" in text
    for heading in ("Added", "Cancelled", "Removed", "Moved", "Renamed", "Speakers changed"):
        assert f">{heading} <span" in text
    assert "Wed 20 Nov, 14:00–16:00, Room A → Thu 21 Nov, 09:00–11:00, Room B" in text
    assert f'href="/2024/sessions/{programme.moving.slug}/"' in text
    assert f'href="/2024/sessions/{programme.withdrawn.slug}/"' not in text  # no longer public: no link
    assert "Steady forum" not in text


def test_the_changes_page_in_chinese(client, programme):
    services.publish_release(edition=programme.edition)
    programme.edit()
    services.publish_release(edition=programme.edition)

    text = client.get("/zh-hans/2024/changes/").text

    assert "11月20日 星期三 14:00–16:00，会场 A → 11月21日 星期四 09:00–11:00，会场 B" in text
    assert "“数据论坛” → “数据与信任论坛”" in text
    assert "新增：霍珀；移除：图灵" in text
    assert 'href="/zh-hans/2024/sessions/' in text


def test_the_changes_page_takes_the_same_queries_at_any_size(client, edition, page_queries):
    def releases_of(count):
        SessionFactory.create_batch(count, edition=edition)
        services.publish_release(edition=edition)
        Session.objects.filter(edition=edition).update(title_en="Renamed")
        services.publish_release(edition=edition)

    releases_of(2)
    small = page_queries("/2024/changes/")
    releases_of(10)
    assert page_queries("/2024/changes/") == small


# -- the feeds and the home ----------------------------------------------------------------------------


def test_the_feeds_carry_the_release_number_in_a_version_that_only_goes_up(client, programme):
    def version():
        json_version = client.get("/2024/schedule.json").json()["schedule"]["version"]
        assert f"<version>{json_version}</version>" in client.get("/2024/schedule.xml").text
        return tuple(int(part) for part in json_version.split("."))

    seen = [version()]
    assert seen[0][0] == 0  # no release yet
    for _ in range(3):
        services.publish_release(edition=programme.edition)
        seen.append(version())
    programme.edit()  # an edit after the third release, before the fourth
    seen.append(version())

    assert [release for release, _ in seen] == [0, 1, 2, 3, 3]
    assert seen == sorted(seen) and len(set(seen)) == len(seen)


def test_the_home_says_the_programme_was_updated_for_three_days_after_a_release(client, programme, monkeypatch):
    services.publish_release(edition=programme.edition)
    assert "see what changed" not in client.get("/2024/").text  # the first release changes nothing

    programme.edit()
    release = services.publish_release(edition=programme.edition)
    text = client.get("/2024/").text
    assert "Programme updated" in text and 'href="/2024/changes/#release-2"' in text

    # Three days pass with no edit of the programme: the cached page drops the notice.
    later = release.published_at + dt.timedelta(days=3, minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert "see what changed" not in client.get("/2024/").text


def test_the_agenda_links_to_the_changes(client, programme):
    assert 'href="/2024/changes/"' in client.get("/2024/agenda/?day=all").text


# -- the admin -----------------------------------------------------------------------------------------


def test_an_organiser_publishes_a_release_from_the_admin_after_a_preview(organiser_client, organiser, programme):
    services.publish_release(edition=programme.edition)
    programme.edit()

    preview = organiser_client.get(f"/admin/agenda/release/add/?edition={programme.edition.pk}")
    assert "Preview of release 2 of 2024 Wuzhen Summit" in preview.text
    assert "Since release 1, 6 sessions changed." in preview.text
    assert "Wed 20 Nov, 14:00–16:00, Room A → Thu 21 Nov, 09:00–11:00, Room B" in preview.text

    response = organiser_client.post(
        "/admin/agenda/release/add/", {"edition": programme.edition.pk, "note": "Moved to Room B"}, follow=True
    )

    release = Release.objects.get(edition=programme.edition, number=2)
    assert (release.note, release.published_by, len(release.changes)) == ("Moved to Room B", organiser, 6)
    assert response.status_code == 200
    listed = organiser_client.get(f"/admin/agenda/release/?edition__id__exact={programme.edition.pk}").text
    assert "1 moved" in listed and "first published programme" in listed
    page = organiser_client.get(f"/admin/agenda/release/{release.pk}/change/").text
    assert "Room A → Thu 21 Nov" in page
    assert 'name="_save"' not in page  # read-only


def test_only_those_allowed_to_publish_see_the_form(client, programme_editor, programme):
    client.force_login(programme_editor)
    assert client.get("/admin/agenda/release/add/").status_code == 403
    assert client.post("/admin/agenda/release/add/", {"edition": programme.edition.pk}).status_code == 403
    assert not Release.objects.exists()


def test_a_generated_edition_starts_with_its_baseline_release_so_the_first_edits_are_announced():
    import io

    from django.core.management import call_command

    call_command("generate_summit", slug="gen", sessions=6, rooms=2, days=1, speakers=4, stdout=io.StringIO())

    edition = Edition.objects.get(slug="gen")
    assert list(edition.releases.values_list("number", "changes")) == [(1, [])]


def test_the_first_release_counts_the_sessions_as_the_edition_home_does(client, programme):
    from agenda.enums import SessionStatus

    programme.edit()  # cancels one of the sessions
    assert programme.edition.sessions.filter(status=SessionStatus.CANCELLED).exists()
    services.publish_release(edition=programme.edition)
    public = programme.edition.sessions.public().count()

    response = client.get("/2024/changes/")

    assert f"First published programme: {public} sessions." in response.text
