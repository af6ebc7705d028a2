"""What a file means and gives back: times in the edition's zone, whole-venue sessions, speakers,
organisers and run-of-show in one cell each, the template files, and "nothing to change" when an
export is imported again."""

import csv
import datetime as dt
import io

import openpyxl
import pytest
from django.core.management import call_command
from django.urls import reverse

from agenda.models import Edition, Exhibit, Organisation, Person, Session, SessionItem
from agenda.resources import ExhibitResource, OrganisationResource, PersonResource, SessionResource
from tests.agenda.test_imports import (
    FORMATS,
    TEMPLATES_DIR,
    confirm,
    good,
    page_text,
    problems,
    session_rows,
    upload,
)
from tests.factories import (
    EditionFactory,
    ExhibitFactory,
    ExpoFactory,
    HallFactory,
    OrganisationFactory,
    PersonFactory,
    RoomFactory,
    SessionFactory,
    SessionItemFactory,
    SessionOrganiserFactory,
    SessionSpeakerFactory,
    TopicFactory,
    VenueFactory,
)

pytestmark = pytest.mark.django_db

UTC = dt.UTC


@pytest.fixture
def edition():
    edition = EditionFactory(
        slug="2024", start_date=dt.date(2024, 11, 19), end_date=dt.date(2024, 11, 22), is_current=True
    )
    venue = VenueFactory(edition=edition, slug="convention-center")
    RoomFactory(venue=venue, slug="forum-hall-a")
    TopicFactory(edition=edition, slug="artificial-intelligence")
    for slug in ("robin-li", "zeng-yi", "wang-haifeng"):
        PersonFactory(edition=edition, slug=slug)
    for slug in ("wic", "baidu"):
        OrganisationFactory(edition=edition, slug=slug)
    return edition


def export(client, admin_name, resource, file_format):
    prefix = resource.__name__.lower()
    data = {
        "format": FORMATS[file_format][0],
        "resource": "0",
        **{f"{prefix}_{f}": "on" for f in resource._meta.fields},
    }
    response = client.post(reverse(f"admin:agenda_{admin_name}_export"), data)
    assert response.status_code == 200
    return response.content


def csv_dicts(content):
    return list(csv.DictReader(io.StringIO(content.decode())))


# Time zones ---------------------------------------------------------------------------------------------------


def test_times_are_read_and_written_in_each_editions_own_zone(organiser_client, edition):
    paris = EditionFactory(slug="paris", time_zone="Europe/Paris", start_date=dt.date(2024, 11, 19))
    RoomFactory(venue__edition=paris, slug="salle-1")
    rows = session_rows(
        good(edition="paris", slug="local", room="salle-1", start="2024-11-20 09:00", end="2024-11-20 10:00"),
        good(edition="paris", slug="offset", room="salle-1", start="2024-11-20T09:00+08:00", end="2024-11-20 10:00"),
        good(slug="wuzhen", start="2024-11-20 09:00", end="2024-11-20 10:00"),
    )

    confirm(organiser_client, "session", upload(organiser_client, "session", rows))
    exported = {row["slug"]: row for row in csv_dicts(export(organiser_client, "session", SessionResource, "csv"))}

    starts = dict(Session.objects.values_list("slug", "start"))
    assert starts == {
        "local": dt.datetime(2024, 11, 20, 8, 0, tzinfo=UTC),  # 09:00 in Paris, whatever the admin's zone
        "offset": dt.datetime(2024, 11, 20, 1, 0, tzinfo=UTC),  # an offset is read as written
        "wuzhen": dt.datetime(2024, 11, 20, 1, 0, tzinfo=UTC),
    }
    assert (exported["local"]["start"], exported["local"]["end"]) == (
        "2024-11-20T09:00+01:00",
        "2024-11-20T10:00+01:00",
    )
    assert exported["offset"]["start"] == "2024-11-20T02:00+01:00"
    assert exported["wuzhen"]["start"] == "2024-11-20T09:00+08:00"


# Whole-venue sessions ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("file_format", FORMATS)
def test_a_whole_venue_session_is_a_venue_and_no_room_and_comes_back_the_same(organiser_client, edition, file_format):
    rows = session_rows(good(slug="lunch", kind="break", room="", venue="convention-center"))

    confirm(organiser_client, "session", upload(organiser_client, "session", rows, file_format))
    content = export(organiser_client, "session", SessionResource, "csv")
    again = upload(organiser_client, "session", content)

    lunch = Session.objects.get(slug="lunch")
    assert (lunch.room, lunch.venue.slug) == (None, "convention-center")
    [row] = csv_dicts(content)
    assert (row["room"], row["venue"]) == ("", "convention-center")
    assert again.context["result"].nothing_to_change


# Speakers, organisers and run-of-show --------------------------------------------------------------------------


RUN_OF_SHOW = (
    "09:00 | 10 | Opening remarks | wang-haifeng\n| 60 | Keynote speeches | zeng-yi; robin-li\n10:30 || Panel |"
)


def test_speakers_organisers_and_run_of_show_are_read_in_order_with_their_roles(organiser_client, edition):
    row = good(
        speakers="wang-haifeng (moderator); robin-li (keynote); zeng-yi; robin-li (Panelist)",
        organisers="wic (host); baidu",
        run_of_show=RUN_OF_SHOW,
    )

    confirm(organiser_client, "session", upload(organiser_client, "session", session_rows(row)))

    session = Session.objects.get(slug="good")
    speakers = [(link.person.slug, link.role, link.position) for link in session.speaker_links.all()]
    assert speakers == [
        ("wang-haifeng", "moderator", 1),
        ("robin-li", "keynote", 2),
        ("zeng-yi", "speaker", 3),
        ("robin-li", "panelist", 4),
    ]
    organisers = [(link.organisation.slug, link.role) for link in session.organiser_links.all()]
    assert organisers == [("wic", "host"), ("baidu", "organiser")]
    items = [
        (item.position, item.start, item.duration_minutes, item.title, sorted(p.slug for p in item.speakers.all()))
        for item in session.items.all()
    ]
    assert items == [
        (1, dt.datetime(2024, 11, 20, 1, 0, tzinfo=UTC), 10, "Opening remarks", ["wang-haifeng"]),
        (2, None, 60, "Keynote speeches", ["robin-li", "zeng-yi"]),
        (3, dt.datetime(2024, 11, 20, 2, 30, tzinfo=UTC), None, "Panel", []),
    ]


def test_a_run_of_show_imported_again_keeps_the_descriptions_of_items_whose_title_stays(organiser_client, edition):
    session = SessionFactory(edition=edition, slug="good", title="Good", room=None)
    SessionItemFactory(session=session, position=1, title="Opening remarks", description="By the host.")
    SessionItemFactory(session=session, position=2, title="Tea", description="Green tea.")
    row = good(run_of_show="| 15 | Welcome\n| 10 | Opening remarks", room="")

    confirm(organiser_client, "session", upload(organiser_client, "session", session_rows(row)))

    assert list(session.items.values_list("title", "duration_minutes", "description")) == [
        ("Welcome", 15, ""),
        ("Opening remarks", 10, "By the host."),
    ]


def test_an_empty_cell_removes_speakers_and_a_missing_column_keeps_them(organiser_client, edition):
    session = SessionFactory(edition=edition, slug="good", title="Good")
    SessionSpeakerFactory(session=session, person=Person.objects.get(slug="robin-li"))
    SessionOrganiserFactory(session=session, organisation=Organisation.objects.get(slug="wic"))
    header = ["edition", "slug", "title", "start", "end", "organisers"]
    rows = [header, ["2024", "good", "Good", "2024-11-19 09:00", "2024-11-19 11:00", ""]]

    confirm(organiser_client, "session", upload(organiser_client, "session", rows))

    assert [link.person.slug for link in session.speaker_links.all()] == ["robin-li"]
    assert session.organiser_links.count() == 0


# Importing again -----------------------------------------------------------------------------------------------


@pytest.fixture
def programme(edition):
    """Sessions with everything a file can hold, some text that looks like formulas included."""
    lunch = SessionFactory(
        edition=edition,
        slug="lunch",
        title="=Lunch",
        kind="break",
        room=None,
        venue=edition.venues.get(),
        start=dt.datetime(2024, 11, 20, 4, 0, tzinfo=UTC),
        end=dt.datetime(2024, 11, 20, 5, 30, tzinfo=UTC),
    )
    forum = SessionFactory(
        edition=edition,
        slug="ai-forum",
        title="AI | governance",
        description="Line one\nline two, with “quotes”",
        topic=edition.topics.get(),
        capacity=300,
        registration_required=True,
        room=RoomFactory(venue=lunch.venue, slug="forum-hall-b"),
    )
    people = {person.slug: person for person in edition.people.all()}
    for position, (slug, role) in enumerate([("zeng-yi", "moderator"), ("robin-li", "keynote")], start=1):
        SessionSpeakerFactory(session=forum, person=people[slug], role=role, position=position * 10)
    SessionOrganiserFactory(session=forum, organisation=edition.organisations.get(slug="baidu"), role="host")
    opening = SessionItemFactory(
        session=forum, position=1, title="+Opening", start=forum.start, duration_minutes=None, description="Kept"
    )
    opening.speakers.set([people["wang-haifeng"], people["robin-li"]])
    # The opening lasts until the talk starts; the closing follows the talk.
    talk_start = forum.start + dt.timedelta(minutes=30)
    SessionItemFactory(session=forum, position=2, title="Talk | Q&A", start=talk_start, duration_minutes=45)
    SessionItemFactory(session=forum, position=3, title="Closing", start=None, duration_minutes=15)
    SessionFactory(edition=edition, slug="plain", title="-plain", room=forum.room, status="cancelled")
    return [lunch, forum]


def saved_state():
    sessions = list(Session.objects.order_by("slug").values())
    links = list(
        Session.objects.order_by("slug", "speaker_links__position").values_list(
            "slug", "speaker_links__person__slug", "speaker_links__role"
        )
    )
    items = list(SessionItem.objects.order_by("session__slug", "position").values())
    return sessions, links, items


@pytest.mark.parametrize("file_format", FORMATS)
def test_an_export_imported_again_has_nothing_to_change(organiser_client, programme, file_format):
    before = saved_state()
    content = export(organiser_client, "session", SessionResource, file_format)

    response = upload(organiser_client, "session", content, file_format)

    result = response.context["result"]
    assert problems(response) == {}
    assert [row.import_type for row in result.valid_rows()] == ["skip", "skip", "skip"]
    assert "Nothing to change: all 3 rows match what is saved." in page_text(response)
    assert 'name="confirm"' not in response.content.decode()  # no button that would do nothing
    assert "Import another file" in page_text(response)
    assert saved_state() == before


def test_changing_one_cell_changes_that_row_only(organiser_client, programme):
    rows = csv_dicts(export(organiser_client, "session", SessionResource, "csv"))
    rows[0]["speakers"] = "robin-li (keynote)"  # the export is ordered like the admin list
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)

    preview = upload(organiser_client, "session", out.getvalue().encode())
    done = confirm(organiser_client, "session", preview)

    assert [row.import_type for row in preview.context["result"].valid_rows()] == ["update", "skip", "skip"]
    assert "1 row changed" in page_text(preview) and "2 rows unchanged" in page_text(preview)
    assert "Import finished: 0 new, 1 updated, 0 deleted and 2 skipped sessions." in page_text(done)
    changed = Session.objects.get(slug=rows[0]["slug"])
    assert [(link.person.slug, link.role) for link in changed.speaker_links.all()] == [("robin-li", "keynote")]


@pytest.mark.parametrize("file_format", FORMATS)
def test_people_organisations_and_exhibits_imported_again_have_nothing_to_change(
    organiser_client, edition, file_format
):
    expo = ExpoFactory(edition=edition, slug="expo")
    ExhibitFactory(expo=expo, slug="robots", hall=HallFactory(expo=expo, slug="hall-1"), is_featured=True)
    Person.objects.update(country="CN", organisation=Organisation.objects.get(slug="wic"), title="+Chair")
    Organisation.objects.update(website="https://example.org/", kind="think_tank", country="CH")
    for admin_name, resource in [
        ("organisation", OrganisationResource),
        ("person", PersonResource),
        ("exhibit", ExhibitResource),
    ]:
        content = export(organiser_client, admin_name, resource, file_format)

        response = upload(organiser_client, admin_name, content, file_format)

        assert problems(response) == {}, admin_name
        assert response.context["result"].nothing_to_change, admin_name
    assert Exhibit.objects.get().is_featured


# The template files -----------------------------------------------------------------------------------------------


TEMPLATES = [("session", "sessions"), ("person", "people"), ("organisation", "organisations"), ("exhibit", "exhibits")]


def test_every_template_imports_as_it_is_into_the_demo_edition(organiser_client):
    call_command("load_demo", edition="2024", verbosity=0)
    before = Session.objects.count()

    for admin_name, name in TEMPLATES:
        for file_format in FORMATS:
            content = (TEMPLATES_DIR / f"{name}.{file_format}").read_bytes()

            response = upload(organiser_client, admin_name, content, file_format)

            assert response.context["result"].notes == [], (name, file_format)
            assert problems(response) == {}, (name, file_format)
            assert not response.context["result"].has_errors(), (name, file_format)
            assert {row.import_type for row in response.context["result"].valid_rows()} == {"new"}, name
        confirm(organiser_client, admin_name, upload(organiser_client, admin_name, content, "xlsx"))
    lunch = Session.objects.get(edition__slug="2024", slug="example-lunch-break")
    forum = Session.objects.get(edition__slug="2024", slug="example-ai-forum")
    assert Session.objects.count() == before + 2
    assert (lunch.room, lunch.venue.slug) == (None, "convention-center")
    assert forum.start == dt.datetime(2024, 11, 22, 6, 0, tzinfo=UTC)  # 14:00 in Wuzhen
    assert [item.title for item in forum.items.all()] == ["Opening remarks", "Keynote speeches", "Panel discussion"]
    assert Edition.objects.get(slug="2024").time_zone == "Asia/Shanghai"


@pytest.mark.parametrize(("admin_name", "name"), TEMPLATES)
def test_the_workbook_template_holds_what_the_csv_template_holds_and_states_the_time_zone(admin_name, name):
    with open(TEMPLATES_DIR / f"{name}.csv", encoding="utf-8", newline="") as file:
        from_csv = list(csv.reader(file))
    book = openpyxl.load_workbook(TEMPLATES_DIR / f"{name}.xlsx")
    from_xlsx = [["" if v is None else str(v) for v in row] for row in book.worksheets[0].iter_rows(values_only=True)]
    rules = " ".join(str(row[0]) for row in book["Rules"].iter_rows(values_only=True))

    assert from_xlsx == from_csv
    assert book.active.title == book.worksheets[0].title  # the sheet an import reads
    assert "the edition's own time zone" in rules


def test_a_slug_repeated_after_an_unchanged_row_is_still_refused(organiser_client, programme):
    content = export(organiser_client, "session", SessionResource, "csv")
    rows = csv_dicts(content)
    rows.append({**rows[0], "title": "Another title"})
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)

    response = upload(organiser_client, "session", out.getvalue().encode())

    slug = rows[0]["slug"]
    assert problems(response) == {5: {"slug": [f"The slug “{slug}” is already used by row 2 of this file."]}}
