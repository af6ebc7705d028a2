"""Programme exports: text never opens as a formula, and an exported file imports back unchanged."""

import csv
import datetime as dt
import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from agenda.models import Organisation, Person, Session
from agenda.resources import OrganisationResource, PersonResource, SessionResource
from agenda.spreadsheets import neutralise, restore
from tests.factories import (
    EditionFactory,
    OrganisationFactory,
    PersonFactory,
    RoomFactory,
    SessionFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db

PAYLOADS = ['=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]
# Text that must come back from a round trip exactly as it was, quotes included.
AWKWARD = ["'=already quoted", "''+1", "'plain", "O'Reilly", "'", "Normal title"]
# Imports read a carriage return back as a line feed, quoted or not: that one is left out.
ROUND_TRIP_TEXTS = [payload for payload in PAYLOADS if not payload.startswith("\r")] + AWKWARD
FORMATS = {"csv": ("0", "text/csv"), "xlsx": ("1", "application/vnd.ms-excel")}


@pytest.fixture
def edition():
    edition = EditionFactory(slug="2024", start_date=dt.date(2024, 11, 19), end_date=dt.date(2024, 11, 22))
    RoomFactory(venue__edition=edition, slug="lotus-hall")
    TopicFactory(edition=edition, slug="ai")
    return edition


def export(client, admin_name, resource, file_format):
    fields = resource._meta.fields
    prefix = resource.__name__.lower()
    data = {"format": FORMATS[file_format][0], "resource": "0", **{f"{prefix}_{f}": "on" for f in fields}}
    response = client.post(reverse(f"admin:agenda_{admin_name}_export"), data)
    assert response.status_code == 200
    return response


def rows(response, file_format):
    """Data rows as {header: value}; XLSX cells also checked to hold no formula."""
    if file_format == "csv":
        return list(csv.DictReader(io.StringIO(response.content.decode())))
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    table = list(sheet.iter_rows())
    assert [cell.coordinate for row in table for cell in row if cell.data_type == "f"] == []
    header = [cell.value for cell in table[0]]
    return [{h: cell.value for h, cell in zip(header, row, strict=True)} for row in table[1:]]


def reimport(client, admin_name, response, file_format):
    name = f"export.{file_format}"
    file = SimpleUploadedFile(name, response.content, content_type=FORMATS[file_format][1])
    data = {"import_file": file, "format": FORMATS[file_format][0], "resource": "0"}
    preview = client.post(reverse(f"admin:agenda_{admin_name}_import"), data)
    assert preview.status_code == 200
    assert "confirm_form" in preview.context, preview.context["result"].invalid_rows
    confirm = preview.context["confirm_form"].initial
    assert client.post(reverse(f"admin:agenda_{admin_name}_process_import"), confirm).status_code == 302


def seen(text, file_format):
    # An XLSX file is XML, which reads a carriage return back as a line feed.
    return text.replace("\r", "\n") if file_format == "xlsx" else text


@pytest.mark.parametrize("value", PAYLOADS + AWKWARD)
def test_restore_undoes_neutralise(value):
    assert restore(neutralise(value)) == value


def test_neutralise_leaves_numbers_dates_and_harmless_text_alone():
    for value in (-3, 2.5, dt.date(2024, 11, 20), None, "", "Opening", "'plain", "O'Reilly"):
        assert neutralise(value) == value


@pytest.mark.parametrize("file_format", FORMATS)
@pytest.mark.parametrize("payload", PAYLOADS)
def test_session_export_neutralises_a_formula_title(organiser_client, edition, payload, file_format):
    SessionFactory(edition=edition, slug="s", title=payload, description=payload, capacity=300)

    [row] = rows(export(organiser_client, "session", SessionResource, file_format), file_format)

    assert (row["title"], row["description"]) == (seen("'" + payload, file_format),) * 2
    assert row["capacity"] == (300 if file_format == "xlsx" else "300")
    assert row["start"] == "2024-11-19T09:00+08:00"


@pytest.mark.parametrize("file_format", FORMATS)
@pytest.mark.parametrize("payload", PAYLOADS)
def test_person_and_organisation_exports_neutralise_formula_names(organiser_client, edition, payload, file_format):
    organisation = OrganisationFactory(edition=edition, slug="acme", name=payload)
    PersonFactory(edition=edition, slug="p", name=payload, title=payload, organisation=organisation, bio="Ordinary")

    [org_row] = rows(export(organiser_client, "organisation", OrganisationResource, file_format), file_format)
    [person_row] = rows(export(organiser_client, "person", PersonResource, file_format), file_format)

    assert org_row["name"] == seen("'" + payload, file_format)
    assert (person_row["name"], person_row["title"]) == (seen("'" + payload, file_format),) * 2
    assert (person_row["organisation"], person_row["bio"]) == ("acme", "Ordinary")


@pytest.mark.parametrize("file_format", FORMATS)
def test_sessions_round_trip_through_export_and_import(organiser_client, edition, file_format):
    for n, text in enumerate(ROUND_TRIP_TEXTS):
        SessionFactory(edition=edition, slug=f"s{n}", title=text, description=text, capacity=n + 1)
    before = list(Session.objects.order_by("slug").values("slug", "title", "description", "capacity", "start"))
    response = export(organiser_client, "session", SessionResource, file_format)
    Session.objects.all().delete()

    reimport(organiser_client, "session", response, file_format)

    after = list(Session.objects.order_by("slug").values("slug", "title", "description", "capacity", "start"))
    assert after == before


@pytest.mark.parametrize("file_format", FORMATS)
def test_people_and_organisations_round_trip_through_export_and_import(organiser_client, edition, file_format):
    for n, text in enumerate(ROUND_TRIP_TEXTS):
        organisation = OrganisationFactory(edition=edition, slug=f"o{n}", name=text)
        PersonFactory(edition=edition, slug=f"p{n}", name=text, title=text, bio=text, organisation=organisation)
    organisations = list(Organisation.objects.order_by("slug").values("slug", "name"))
    people = list(Person.objects.order_by("slug").values("slug", "name", "title", "bio", "organisation__slug"))
    organisations_file = export(organiser_client, "organisation", OrganisationResource, file_format)
    people_file = export(organiser_client, "person", PersonResource, file_format)
    Person.objects.all().delete()
    Organisation.objects.all().delete()

    reimport(organiser_client, "organisation", organisations_file, file_format)
    reimport(organiser_client, "person", people_file, file_format)

    assert list(Organisation.objects.order_by("slug").values("slug", "name")) == organisations
    assert list(Person.objects.order_by("slug").values("slug", "name", "title", "bio", "organisation__slug")) == people


@pytest.mark.parametrize("file_format", FORMATS)
def test_an_exported_file_is_named_after_what_it_holds(organiser_client, edition, file_format):
    SessionFactory(edition=edition, title="Opening ceremony")
    today = timezone.localdate().isoformat()

    one = export(organiser_client, "session", SessionResource, file_format)
    SessionFactory(edition=EditionFactory(slug="2023"), title="Earlier")
    both = export(organiser_client, "session", SessionResource, file_format)

    assert f'filename="sessions-2024-{today}.{file_format}"' in one["Content-Disposition"]
    assert f'filename="sessions-all-editions-{today}.{file_format}"' in both["Content-Disposition"]
