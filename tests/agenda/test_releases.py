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
from agenda.releases.rules import ReleaseRefused
from tests.agenda.release_programme import Programme
from tests.factories import EditionFactory, RoomFactory, SessionFactory, SessionSpeakerFactory

pytestmark = pytest.mark.django_db

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks are tested on PostgreSQL (DATABASE_URL=postgres://…)"
)


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
    first = services.publish_release(edition=programme.edition, note_en="The programme")
    programme.edit()

    second = services.publish_release(edition=programme.edition, note_en="Room changes")

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


def test_a_release_that_would_change_nothing_is_refused(programme):
    services.publish_release(
        edition=programme.edition, now=dt.datetime(2024, 11, 1, 9, 30, tzinfo=programme.edition.zone)
    )

    with pytest.raises(ReleaseRefused) as refused:
        services.publish_release(edition=programme.edition)

    assert refused.value.code == "nothing_changed"
    assert refused.value.messages == [
        "Nothing in the public programme has changed since release 1 (Fri 1 Nov, 09:30): there is nothing to publish."
    ]
    assert list(Release.objects.values_list("number", flat=True)) == [1]


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


def test_an_unpublished_edition_is_not_released(programme):
    programme.edition.is_published = False
    programme.edition.save()

    with pytest.raises(ReleaseRefused) as refused:
        services.publish_release(edition=programme.edition)

    assert refused.value.code == "edition_unpublished"
    assert not Release.objects.exists()


def test_a_release_published_since_the_preview_refuses_the_publication_the_preview_was_for(programme):
    services.publish_release(edition=programme.edition)
    programme.edit()
    services.publish_release(
        edition=programme.edition, now=dt.datetime(2024, 11, 2, 15, 5, tzinfo=programme.edition.zone)
    )  # by a script: nobody to name
    retitle(programme.edition, "Renamed again")

    with pytest.raises(ReleaseRefused) as since:
        services.publish_release(edition=programme.edition, compared_with=1)
    with pytest.raises(ReleaseRefused) as gone:
        services.publish_release(edition=programme.edition, compared_with=5)

    assert since.value.messages == [
        "Release 2 was published at Sat 2 Nov, 15:05, after this preview was shown: nothing more was published. "
        "The preview below now compares with release 2."
    ]
    assert gone.value.messages == [
        "The releases of this edition have changed since the preview was shown: nothing was published."
    ]
    assert services.publish_release(edition=programme.edition, compared_with=2).number == 3


def retitle(edition, title):
    """A change to announce: every session of the edition gets a new English title."""
    Session.objects.filter(edition=edition).update(title_en=title)


def test_releases_are_numbered_one_after_another_in_each_edition(programme):
    other = EditionFactory()
    SessionFactory(edition=other)
    numbers = []
    for n in range(3):
        retitle(programme.edition, f"Forum {n}")
        numbers.append(services.publish_release(edition=programme.edition).number)
    assert numbers == [1, 2, 3]
    assert services.publish_release(edition=other).number == 1


def test_publishing_marks_the_programme_changed(programme):
    version = Edition.objects.get(pk=programme.edition.pk).programme_version
    services.publish_release(edition=programme.edition)
    assert Edition.objects.get(pk=programme.edition.pk).programme_version == version + 1


def publishing_at_once(edition, workers, **kwargs):
    """`workers` organisers press “Publish” at the same moment: [(number or None, refusal code or None), …]."""
    start = threading.Barrier(workers)

    def publish(_):
        try:
            start.wait(timeout=30)
            return services.publish_release(edition=edition, **kwargs).number, None
        except ReleaseRefused as refused:
            return None, refused.code
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(publish, range(workers)))


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_organisers_who_saw_the_same_preview_publish_at_once_and_one_release_is_published():
    edition = EditionFactory()
    SessionFactory.create_batch(5, edition=edition)
    services.publish_release(edition=edition)
    retitle(edition, "Renamed forum")

    outcomes = publishing_at_once(edition, 8, compared_with=1)

    assert sorted(outcomes, key=str) == sorted([(2, None)] + [(None, "release_since")] * 7, key=str)
    assert list(Release.objects.filter(edition=edition).values_list("number", flat=True)) == [2, 1]


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_scripts_publishing_at_once_each_compare_with_the_release_before():
    edition = EditionFactory()
    SessionFactory.create_batch(5, edition=edition)

    outcomes = publishing_at_once(edition, 8)

    # Under the edition's lock the first publishes; the others find nothing changed since it.
    assert sorted(outcomes, key=str) == sorted([(1, None)] + [(None, "nothing_changed")] * 7, key=str)
    assert Release.objects.filter(edition=edition).count() == 1


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
    services.publish_release(edition=programme.edition, note_en="The programme is out")
    response = client.get("/2024/changes/")
    assert "First published programme: 6 sessions." in response.text

    programme.edit()
    services.publish_release(edition=programme.edition, note_en="Forums moved to Room B")
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
    for n in range(3):
        retitle(programme.edition, f"Forum {n}")
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
