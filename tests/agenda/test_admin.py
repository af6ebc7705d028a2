import datetime as dt
import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from agenda.enums import SessionStatus
from agenda.models import Edition, Session
from tests.agenda.admin_forms import in_english
from tests.factories import (
    EditionFactory,
    PersonFactory,
    RoomFactory,
    SessionFactory,
    SessionItemFactory,
    SessionOrganiserFactory,
    SessionSpeakerFactory,
)

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:agenda_session_changelist")


def session_form(edition, **overrides):
    data = {
        "edition": edition.pk,
        "kind": "sub_forum",
        "title": "Forum",
        "slug": "forum",
        "status": "draft",
        "start_0": edition.start_date.isoformat(),
        "start_1": "14:00",
        "end_0": edition.start_date.isoformat(),
        "end_1": "17:00",
        "language": "en",
        "speaker_links-TOTAL_FORMS": "0",
        "speaker_links-INITIAL_FORMS": "0",
        "organiser_links-TOTAL_FORMS": "0",
        "organiser_links-INITIAL_FORMS": "0",
        "items-TOTAL_FORMS": "0",
        "items-INITIAL_FORMS": "0",
    }
    data.update(overrides)
    return in_english(data)


def changelist_queries(client, **params):
    """The session list, of every edition unless the parameters name one."""
    params.setdefault("edition__id__exact", "all")
    with CaptureQueriesContext(connection) as queries:
        response = client.get(CHANGELIST, params)
    assert response.status_code == 200
    return len(queries), response


@pytest.mark.parametrize("params", [{}, {"clash": "any"}, {"q": "forum"}, {"status__exact": "published"}])
def test_session_list_queries_do_not_grow_with_the_schedule(organiser_client, params):
    call_command("generate_summit", slug="small", sessions=60, rooms=6, speakers=120, days=2, start="2030-11-19")
    changelist_queries(organiser_client)  # warm the cached admin time zone and the remembered “All editions”
    small, _ = changelist_queries(organiser_client, **params)
    call_command("generate_summit", slug="large", sessions=600, rooms=30, speakers=1200, days=4, start="2030-11-19")
    changelist_queries(organiser_client)  # the new edition resets the cached admin time zone
    large, response = changelist_queries(organiser_client, **params)

    assert large == small
    assert Session.objects.count() == 660
    if not params:
        assert response.context["cl"].result_count == 660


def test_session_list_filtered_to_one_edition_shows_only_it(organiser_client):
    call_command("generate_summit", slug="bench", sessions=40, rooms=4, speakers=40, days=2)
    other = SessionFactory(title="Not in the bench edition")

    _, response = changelist_queries(organiser_client, edition__id__exact=Edition.objects.get(slug="bench").pk)

    assert response.context["cl"].result_count == 40
    assert other.title not in response.content.decode()


def test_session_list_marks_clashes_and_filters_them(organiser_client):
    room = RoomFactory(name="Lotus Hall")
    first = SessionFactory(title="Data governance", room=room, edition=room.venue.edition)
    second = SessionFactory(title="Computing network", room=room, edition=room.venue.edition, start=first.start)
    calm = SessionFactory(title="Youth and digital future", edition=room.venue.edition)

    _, response = changelist_queries(organiser_client, clash="room")
    titles = [session.title for session in response.context["cl"].result_list]

    assert sorted(titles) == sorted([first.title, second.title])
    assert "⚠ room" in response.content.decode()
    assert calm.title not in titles


def test_saving_a_clashing_session_warns_and_names_both_sessions(organiser_client):
    edition = EditionFactory()
    room = RoomFactory(venue__edition=edition, name="Lotus Hall")
    speaker = PersonFactory(edition=edition, name="Latif Ladid")
    existing = SessionFactory(edition=edition, room=room, title="IPv6 forum")
    SessionSpeakerFactory(session=existing, person=speaker)
    start = existing.start.astimezone(edition.zone)
    data = session_form(
        edition,
        title="Computing network forum",
        slug="computing-network",
        start_0=start.strftime("%Y-%m-%d"),
        start_1="10:00",
        end_0=start.strftime("%Y-%m-%d"),
        end_1="12:00",
        room=room.pk,
        **{
            "speaker_links-TOTAL_FORMS": "1",
            "speaker_links-0-person": speaker.pk,
            "speaker_links-0-role": "speaker",
            "speaker_links-0-position": "0",
        },
    )

    response = organiser_client.post(reverse("admin:agenda_session_add"), data, follow=True)

    text = response.content.decode()
    assert Session.objects.filter(slug="computing-network").exists()  # clashes warn, they do not block
    assert "Room clash: “Computing network forum” and “IPv6 forum” both use Lotus Hall" in text
    assert "Speaker clash: Latif Ladid is in “Computing network forum” and in “IPv6 forum”" in text


def test_admin_times_are_read_in_the_edition_time_zone(organiser_client):
    edition = EditionFactory(is_current=True, start_date=dt.date(2024, 11, 19), end_date=dt.date(2024, 11, 22))
    data = session_form(
        edition,
        kind="plenary",
        title="Main forum",
        slug="main-forum",
        status="published",
        start_0="2024-11-20",
        start_1="09:00",
        end_0="2024-11-20",
        end_1="12:00",
    )

    response = organiser_client.post(reverse("admin:agenda_session_add"), data)

    assert response.status_code == 302
    session = Session.objects.get(slug="main-forum")
    assert session.start == dt.datetime(2024, 11, 20, 1, 0, tzinfo=dt.UTC)


def test_session_ending_before_it_starts_is_refused_on_the_form_with_input_kept(organiser_client):
    edition = EditionFactory()
    data = session_form(
        edition, title="<b>Cybersecurity</b> forum", slug="cybersecurity", start_1="14:00", end_1="13:00"
    )

    response = organiser_client.post(reverse("admin:agenda_session_add"), data)

    text = response.content.decode()
    assert response.status_code == 200
    assert "The session must end after it starts." in text
    assert 'value="&lt;b&gt;Cybersecurity&lt;/b&gt; forum"' in text
    assert Session.objects.count() == 0


def test_bulk_actions_publish_cancel_and_unpublish(organiser_client):
    sessions = SessionFactory.create_batch(3, status=SessionStatus.DRAFT)
    ids = [s.pk for s in sessions]

    for action, expected in [("publish", "published"), ("cancel", "cancelled"), ("unpublish", "draft")]:
        data = {"action": action, "_selected_action": ids[:2], **({"apply": "yes"} if action == "cancel" else {})}
        response = organiser_client.post(CHANGELIST, data, follow=True)
        assert response.status_code == 200
        assert sorted(Session.objects.filter(pk__in=ids).values_list("status", flat=True)) == sorted(
            [expected, expected, "draft"]
        )


def test_duplicate_action_copies_speakers_organisers_and_run_of_show_as_a_draft(organiser_client):
    session = SessionFactory(slug="data-governance")
    SessionSpeakerFactory(session=session, role="moderator", position=0)
    SessionSpeakerFactory(session=session, role="speaker", position=1)
    SessionOrganiserFactory(session=session, role="host")
    item = SessionItemFactory(session=session, title="Release of the report")
    item.speakers.add(session.speakers.first())

    organiser_client.post(CHANGELIST, {"action": "duplicate", "_selected_action": [session.pk]})
    organiser_client.post(CHANGELIST, {"action": "duplicate", "_selected_action": [session.pk]})

    copies = Session.objects.filter(slug__startswith="data-governance-copy").order_by("slug")
    assert [c.slug for c in copies] == ["data-governance-copy", "data-governance-copy-2"]
    copy = copies[0]
    assert copy.status == SessionStatus.DRAFT
    assert list(copy.speaker_links.values_list("person_id", "role", "position")) == list(
        session.speaker_links.values_list("person_id", "role", "position")
    )
    assert list(copy.organiser_links.values_list("organisation_id", "role")) == list(
        session.organiser_links.values_list("organisation_id", "role")
    )
    assert [(i.title, list(i.speakers.all())) for i in copy.items.all()] == [
        ("Release of the report", [session.speakers.first()])
    ]


def test_search_finds_a_session_by_speaker_and_by_item_title(organiser_client):
    forum = SessionFactory(title="AI innovation and governance")
    SessionSpeakerFactory(session=forum, person__name="Zeng Yi", person__edition=forum.edition)
    SessionItemFactory(session=forum, title="Release of the AI governance report")
    SessionFactory(title="Youth and digital future")

    for query in ["Zeng Yi", "governance report"]:
        _, response = changelist_queries(organiser_client, q=query)
        assert [s.title for s in response.context["cl"].result_list] == ["AI innovation and governance"]


def test_day_filter_uses_the_summit_day(organiser_client):
    edition = EditionFactory(is_current=True)
    morning = SessionFactory(edition=edition, title="Morning in Wuzhen")
    # 07:00 in Wuzhen is 23:00 UTC the day before.
    morning.start = dt.datetime.combine(edition.start_date, dt.time(7, 0), tzinfo=edition.zone)
    morning.end = morning.start + dt.timedelta(hours=1)
    morning.save()

    _, response = changelist_queries(organiser_client, day=edition.start_date.isoformat())

    assert [s.title for s in response.context["cl"].result_list] == ["Morning in Wuzhen"]


def test_programme_editor_can_edit_sessions_but_not_users(client, programme_editor):
    client.force_login(programme_editor)
    SessionFactory()

    assert client.get(CHANGELIST, follow=True).status_code == 200
    assert client.get(reverse("admin:agenda_session_add")).status_code == 200
    assert client.get(reverse("admin:auth_user_changelist")).status_code == 403


def test_adding_a_session_refuses_a_speaker_and_item_speaker_from_another_edition(organiser_client):
    edition = EditionFactory()
    stranger = PersonFactory(name="Robin Li")  # another edition
    data = session_form(
        edition,
        **{
            "speaker_links-TOTAL_FORMS": "1",
            "speaker_links-0-person": stranger.pk,
            "speaker_links-0-role": "keynote",
            "speaker_links-0-position": "0",
            "items-TOTAL_FORMS": "1",
            "items-0-position": "0",
            "items-0-title": "Keynote speech",
            "items-0-duration_minutes": "20",
            "items-0-speakers": [stranger.pk],
        },
    )

    response = organiser_client.post(reverse("admin:agenda_session_add"), data)

    text = response.content.decode()
    assert response.status_code == 200
    assert text.count("<li>Person “Robin Li” belongs to another edition.</li>") == 2  # the speaker and the item
    assert Session.objects.count() == 0


def test_adding_a_session_refuses_items_outside_its_time(organiser_client):
    edition = EditionFactory()
    data = session_form(
        edition,
        **{
            "items-TOTAL_FORMS": "2",
            "items-0-position": "0",
            "items-0-title": "Late keynote",
            "items-0-start": "18:00",
            "items-1-position": "1",
            "items-1-title": "Endless panel",
            "items-1-duration_minutes": "600",
        },
    )

    response = organiser_client.post(reverse("admin:agenda_session_add"), data)

    text = response.content.decode()
    assert "The session runs from 14:00 to 17:00" in text
    assert Session.objects.count() == 0

    data["items-0-start"] = "14:00"  # once the times read, the run-of-show's length is checked
    text = organiser_client.post(reverse("admin:agenda_session_add"), data).content.decode()
    assert "The item would run past the end of its session (17:00)." in text
    assert Session.objects.count() == 0


def test_editing_a_session_of_another_time_zone_does_not_move_it(organiser_client):
    EditionFactory(is_current=True, time_zone="Asia/Shanghai")
    berlin = EditionFactory(time_zone="Europe/Berlin")
    session = SessionFactory(edition=berlin, room=None)
    before = (session.start, session.end)
    change = reverse("admin:agenda_session_change", args=[session.pk])

    form = organiser_client.get(change).context["adminform"].form
    local = session.start.astimezone(berlin.zone)
    data = session_form(
        berlin,
        title=session.title,
        slug=session.slug,
        start_0=local.strftime("%Y-%m-%d"),
        start_1=local.strftime("%H:%M:%S"),
        end_0=session.end.astimezone(berlin.zone).strftime("%Y-%m-%d"),
        end_1=session.end.astimezone(berlin.zone).strftime("%H:%M:%S"),
    )
    response = organiser_client.post(change, data)

    session.refresh_from_db()
    assert response.status_code == 302
    assert form["start"].value().astimezone(berlin.zone).strftime("%H:%M") == local.strftime("%H:%M")
    assert (session.start, session.end) == before


def test_item_without_start_or_duration_gets_one_plain_message(organiser_client):
    edition = EditionFactory()
    data = session_form(edition, **{"items-TOTAL_FORMS": "1", "items-0-position": "0", "items-0-title": "Remarks"})

    text = organiser_client.post(reverse("admin:agenda_session_add"), data).content.decode()

    assert text.count("Give the item a start time or a duration.") == 1
    assert "is violated" not in text


def test_save_and_continue_shows_each_clash_warning_once(organiser_client):
    edition = EditionFactory()
    room = RoomFactory(venue__edition=edition, name="Lotus Hall")
    existing = SessionFactory(edition=edition, room=room, title="IPv6 forum")
    session = SessionFactory(edition=edition, room=room, title="Computing network forum", start=existing.start)
    start, end = session.start.astimezone(edition.zone), session.end.astimezone(edition.zone)
    data = session_form(
        edition,
        title=session.title,
        slug=session.slug,
        start_0=start.strftime("%Y-%m-%d"),
        start_1=start.strftime("%H:%M"),
        end_0=end.strftime("%Y-%m-%d"),
        end_1=end.strftime("%H:%M"),
        room=room.pk,
        _continue="Save and continue editing",
    )
    change = reverse("admin:agenda_session_change", args=[session.pk])

    response = organiser_client.post(change, data, follow=True)

    warnings = [str(m) for m in response.context["messages"] if str(m).startswith("Room clash")]
    assert response.redirect_chain == [(change, 302)]
    assert len(warnings) == 1
    assert response.content.decode().count("Room clash: “Computing network forum” and “IPv6 forum”") == 1


def test_opening_a_clashing_session_warns_once(organiser_client):
    room = RoomFactory(name="Lotus Hall")
    existing = SessionFactory(edition=room.venue.edition, room=room, title="IPv6 forum")
    session = SessionFactory(edition=room.venue.edition, room=room, start=existing.start)

    response = organiser_client.get(reverse("admin:agenda_session_change", args=[session.pk]))

    assert [str(m).split(":")[0] for m in response.context["messages"]] == ["Room clash"]


def edition_form(edition, **overrides):
    data = {
        "summit": edition.summit_id,
        "name": edition.name,
        "year": edition.year,
        "ordinal": "",
        "slug": edition.slug,
        "theme": "",
        "start_date": edition.start_date.isoformat(),
        "end_date": edition.end_date.isoformat(),
        "city": edition.city,
        "time_zone": edition.time_zone,
        "description": "",
        "is_published": "on",
        "registration_opens_at_0": "",
        "registration_opens_at_1": "",
        "registration_closes_at_0": "",
        "registration_closes_at_1": "",
        "registration_cap": "",
    }
    data.update(overrides)
    # The sources inline: none added.
    inline = {"sources-TOTAL_FORMS": "0", "sources-INITIAL_FORMS": "0"}
    return in_english(data) | inline


def test_registration_times_are_typed_in_the_edition_time_zone(organiser_client):
    EditionFactory(year=2024, is_current=True, time_zone="Europe/Berlin")  # the admin's zone elsewhere
    edition = EditionFactory(year=2031, time_zone="Asia/Shanghai")
    change = reverse("admin:agenda_edition_change", args=[edition.pk])
    data = edition_form(
        edition,
        registration_opens_at_0="2031-09-01",
        registration_opens_at_1="09:00",
        registration_closes_at_0="2031-11-01",
        registration_closes_at_1="18:00",
        registration_cap="3000",
    )

    response = organiser_client.post(change, data)

    edition.refresh_from_db()
    assert response.status_code == 302
    assert edition.registration_opens_at == dt.datetime(2031, 9, 1, 1, 0, tzinfo=dt.UTC)
    assert edition.registration_closes_at == dt.datetime(2031, 11, 1, 10, 0, tzinfo=dt.UTC)
    assert edition.registration_cap == 3000
    page = organiser_client.get(change)
    text = page.content.decode()
    assert re.search(r'name="registration_opens_at_1" value="([^"]+)"', text).group(1) == "09:00:00"
    assert text.count("Times on this form are in China Standard Time (Asia/Shanghai)") == 1
    assert "Delegate registration" in text


def test_registration_closing_before_it_opens_is_refused_on_the_field(organiser_client):
    edition = EditionFactory()
    data = edition_form(
        edition,
        registration_opens_at_0=f"{edition.year}-09-01",
        registration_opens_at_1="09:00",
        registration_closes_at_0=f"{edition.year}-08-01",
        registration_closes_at_1="09:00",
    )

    response = organiser_client.post(reverse("admin:agenda_edition_change", args=[edition.pk]), data)

    edition.refresh_from_db()
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["registration_closes_at"] == [
        "Registration must close after it opens."
    ]
    assert edition.registration_opens_at is None


def test_edition_list_shows_the_registration_state(organiser_client):
    now = timezone.now()
    EditionFactory(name="Open summit", registration_opens_at=now - dt.timedelta(days=1))
    EditionFactory(name="Future summit", registration_opens_at=now + dt.timedelta(days=30))
    EditionFactory(
        name="Closed summit",
        registration_opens_at=now - dt.timedelta(days=30),
        registration_closes_at=now - dt.timedelta(days=1),
    )
    EditionFactory(name="Full summit", registration_opens_at=now - dt.timedelta(days=1), registration_cap=0)
    EditionFactory(name="Old summit", year=2019, registration_opens_at=now - dt.timedelta(days=3000))

    response = organiser_client.get(reverse("admin:agenda_edition_changelist"))

    states = {
        edition.name: str(response.context["cl"].model_admin.registration(edition))
        for edition in response.context["cl"].result_list
    }
    assert states == {
        "Open summit": "Open",
        "Future summit": "Not open yet",
        "Closed summit": "Closed",
        "Full summit": "Full",
        "Old summit": "The edition has taken place",
    }


@pytest.mark.parametrize("past_editions", [1, 10])
def test_edition_list_queries_do_not_grow_with_past_editions(
    organiser_client, django_assert_num_queries, past_editions
):
    """A past edition's state needs no query; an open edition with a cap counts its delegates (one query each)."""
    EditionFactory(registration_opens_at=timezone.now() - dt.timedelta(days=1), registration_cap=500)
    for year in range(2000, 2000 + past_editions):
        EditionFactory(year=year, registration_opens_at=dt.datetime(year, 1, 1, tzinfo=dt.UTC))
    changelist = reverse("admin:agenda_edition_changelist")
    organiser_client.get(changelist)  # warm the cached admin time zone

    with django_assert_num_queries(7):
        organiser_client.get(changelist)
