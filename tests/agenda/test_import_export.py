import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from agenda.models import Organisation, Person, Session
from tests.factories import EditionFactory, OrganisationFactory, RoomFactory, SessionFactory, TopicFactory

pytestmark = pytest.mark.django_db

HEADER = "edition,slug,title,kind,status,start,end,room,topic,language,capacity,registration_required,description\n"


@pytest.fixture
def edition():
    edition = EditionFactory(slug="2024", start_date=dt.date(2024, 11, 19), end_date=dt.date(2024, 11, 22))
    RoomFactory(venue__edition=edition, slug="lotus-hall")
    TopicFactory(edition=edition, slug="ai")
    return edition


def upload(client, admin_name, text, filename="sessions.csv"):
    file = SimpleUploadedFile(filename, text.encode("utf-8"), content_type="text/csv")
    data = {"import_file": file, "format": "0", "resource": "0"}
    return client.post(reverse(f"admin:agenda_{admin_name}_import"), data)


def test_session_import_preview_rejects_a_bad_row_with_its_message(organiser_client, edition):
    csv = HEADER + (
        "2024,ai-governance,AI governance,sub_forum,published,2024-11-20 09:00,2024-11-20 11:00,lotus-hall,ai,en,,1,\n"
        "2024,data-forum,Data governance,sub_forum,published,2024-11-20 14:00,2024-11-20 13:00,lotus-hall,ai,en,,0,\n"
        "2024,ghost-room,Ghost,sub_forum,published,2024-11-21 14:00,2024-11-21 15:00,no-such-room,,en,,0,\n"
    )

    response = upload(organiser_client, "session", csv)

    text = response.content.decode()
    assert response.status_code == 200
    assert "The session must end after it starts." in text
    assert "No room “no-such-room” in edition 2024." in text
    assert "confirm_form" not in response.context  # nothing can be confirmed while a row is bad
    # Numbered as the spreadsheet shows them: the header is row 1.
    assert [row.number for row in response.context["result"].invalid_rows] == [3, 4]
    assert Session.objects.count() == 0


def test_session_import_of_a_clean_file_reads_times_in_the_edition_zone(organiser_client, edition):
    csv = HEADER + (
        "2024,ai-governance,AI governance,sub_forum,published,2024-11-20 09:00,2024-11-20 11:00,lotus-hall,ai,en,300,1,"
        '"Keynotes, then a panel"\n'
    )

    preview = upload(organiser_client, "session", csv)
    confirm = preview.context["confirm_form"]
    response = organiser_client.post(reverse("admin:agenda_session_process_import"), confirm.initial, follow=True)

    assert response.status_code == 200
    session = Session.objects.get(slug="ai-governance")
    assert session.start == dt.datetime(2024, 11, 20, 1, 0, tzinfo=dt.UTC)
    assert (session.room.slug, session.topic.slug, session.capacity) == ("lotus-hall", "ai", 300)
    assert session.description == "Keynotes, then a panel"


def test_session_import_updates_by_edition_and_slug_instead_of_duplicating(organiser_client, edition):
    SessionFactory(edition=edition, slug="ai-governance", title="Old title")
    csv = HEADER + "2024,ai-governance,New title,sub_forum,published,2024-11-20 09:00,2024-11-20 11:00,,,en,,0,\n"

    preview = upload(organiser_client, "session", csv)
    organiser_client.post(reverse("admin:agenda_session_process_import"), preview.context["confirm_form"].initial)

    assert list(Session.objects.values_list("slug", "title")) == [("ai-governance", "New title")]


def test_session_export_csv_has_local_times_and_slugs(organiser_client, edition):
    SessionFactory(
        edition=edition,
        slug="opening",
        title="Opening ceremony",
        start=dt.datetime(2024, 11, 20, 1, 0, tzinfo=dt.UTC),
        end=dt.datetime(2024, 11, 20, 2, 0, tzinfo=dt.UTC),
    )

    response = organiser_client.post(
        reverse("admin:agenda_session_export"),
        {"format": "0", "resource": "0", **{f"sessionresource_{f}": "on" for f in ["edition", "slug", "start"]}},
    )

    body = response.content.decode()
    assert response.status_code == 200
    assert "2024,opening,2024-11-20T09:00+08:00" in body


def test_people_import_links_organisations_of_the_same_edition(organiser_client, edition):
    OrganisationFactory(edition=edition, slug="baidu", name="Baidu")
    OrganisationFactory(slug="baidu")  # same slug, another edition
    csv = (
        "edition,slug,name,title,organisation,country,bio\n"
        "2024,robin-li,Robin Li,Chairman,baidu,CN,\n"
        "2024,nobody,<script>alert(1)</script>,,no-such-org,XX,\n"
    )

    response = upload(organiser_client, "person", csv, "people.csv")

    text = response.content.decode()
    assert "No organisation “no-such-org” in edition 2024." in text
    assert "<script>alert(1)</script>" not in text
    assert Person.objects.count() == 0


def test_organisation_import_rejects_an_unknown_kind(organiser_client, edition):
    csv = "edition,slug,name,kind,country,website\n2024,wipo,WIPO,international,,\n2024,acme,Acme,megacorp,US,\n"

    response = upload(organiser_client, "organisation", csv, "organisations.csv")

    assert "“megacorp” is not a valid organisation kind. Use one of: company, government, international," in (
        response.content.decode()
    )
    assert Organisation.objects.filter(edition=edition).count() == 0


def test_session_import_reports_every_bad_row_in_one_preview(organiser_client, edition):
    csv = HEADER + (
        "2024,good,Good,sub_forum,published,2024-11-20 09:00,2024-11-20 11:00,,,en,,0,\n"
        "2099,lost,Unknown edition,sub_forum,published,2024-11-20 09:00,2024-11-20 11:00,,,en,,0,\n"
        "2024,bad-capacity,Bad capacity,sub_forum,published,2024-11-20 12:00,2024-11-20 13:00,,,en,abc,0,\n"
        "2024,backwards,Backwards,sub_forum,published,2024-11-20 14:00,2024-11-20 13:00,,,en,,0,\n"
        "2024,bad-kind,Bad kind,keynote,published,2024-11-20 15:00,2024-11-20 16:00,,,en,,0,\n"
    )

    response = upload(organiser_client, "session", csv)

    text = response.content.decode()
    assert [row.number for row in response.context["result"].invalid_rows] == [3, 4, 5, 6]
    assert "Unknown edition “2099”." in text
    assert "“abc” is not a whole number." in text
    assert "ConversionSyntax" not in text and "Traceback" not in text
    assert Session.objects.count() == 0


def test_session_import_refuses_a_slug_repeated_in_the_file(organiser_client, edition):
    csv = HEADER + (
        "2024,twice,First,sub_forum,published,2024-11-20 09:00,2024-11-20 11:00,,,en,,0,\n"
        "2024,twice,Second,sub_forum,published,2024-11-21 09:00,2024-11-21 11:00,,,en,,0,\n"
    )

    response = upload(organiser_client, "session", csv)

    assert "The slug “twice” is already used by row 2 of this file." in response.content.decode()
    assert "confirm_form" not in response.context
    assert Session.objects.count() == 0
