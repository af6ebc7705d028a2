"""Registrations export: text a delegate typed never opens as a formula in CSV or XLSX."""

import csv
import io

import openpyxl
import pytest

from agenda.enums import SessionKind
from attendees.models import SessionChoice
from tests.attendees.test_admin import export
from tests.factories import EditionFactory, SessionFactory
from tests.factories.attendees import RegistrationFactory, open_registration

pytestmark = pytest.mark.django_db

TYPED_COLUMNS = [("name", "Name"), ("organisation", "Organisation"), ("position", "Position")]
PAYLOADS = ['=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]


@pytest.fixture
def edition():
    return open_registration(EditionFactory(year=2031, is_current=True))


def csv_rows(response):
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def xlsx_rows(response):
    """Each data row as {header: cell}, cells as openpyxl loads them (value and data type)."""
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows())
    header = [cell.value for cell in rows[0]]
    return [dict(zip(header, row, strict=True)) for row in rows[1:]]


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize(("field", "column"), TYPED_COLUMNS)
def test_export_csv_neutralises_a_formula_typed_by_a_delegate(organiser_client, edition, payload, field, column):
    RegistrationFactory(edition=edition, **{field: payload})

    rows = csv_rows(export(organiser_client, "0"))

    assert [row[column] for row in rows] == ["'" + payload]


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize(("field", "column"), TYPED_COLUMNS)
def test_export_xlsx_neutralises_a_formula_typed_by_a_delegate(organiser_client, edition, payload, field, column):
    RegistrationFactory(edition=edition, **{field: payload})

    rows = xlsx_rows(export(organiser_client, "1"))

    cell = rows[0][column]
    assert cell.value == "'" + payload.replace("\r", "\n")  # XML reads a carriage return back as a line feed
    assert cell.data_type != "f"


def test_export_xlsx_has_no_formula_anywhere_in_a_hostile_row(organiser_client, edition):
    forum = SessionFactory(edition=edition, title="=cmd|' /C calc'!A0", kind=SessionKind.SUB_FORUM)
    registration = RegistrationFactory(
        edition=edition,
        name='=HYPERLINK("http://evil","click")',
        organisation="@SUM(A1)",
        position="-2+3",
        dietary_needs="+1+1",
        accessibility_needs="\t=1",
    )
    SessionChoice.objects.create(registration=registration, session=forum, status="seat")

    rows = xlsx_rows(export(organiser_client, "1"))

    cells = rows[0]
    assert [column for column, cell in cells.items() if cell.data_type == "f"] == []
    assert cells["Name"].value == '\'=HYPERLINK("http://evil","click")'
    assert cells["Sessions"].value == "'=cmd|' /C calc'!A0 (Seat held)"
    assert cells["Dietary needs"].value == "'+1+1"
    assert cells["Accessibility needs"].value == "'\t=1"


def test_export_leaves_ordinary_text_and_dates_alone_and_quotes_a_phone_number(organiser_client, edition):
    # The phone field itself is not exported; a number typed into a free-text field is, and a leading
    # “+” is neutralised like any other, as OWASP advises: the organiser sees the “'” before it.
    RegistrationFactory(
        edition=edition,
        name="Amina Diallo",
        organisation="O'Reilly Media",
        position="Head of AI - Asia",
        accessibility_needs="+86 571 8888 0000",
    )

    row = csv_rows(export(organiser_client, "0"))[0]
    cells = xlsx_rows(export(organiser_client, "1"))[0]

    for seen in (row, {column: cell.value for column, cell in cells.items()}):
        assert (seen["Name"], seen["Organisation"], seen["Position"]) == (
            "Amina Diallo",
            "O'Reilly Media",
            "Head of AI - Asia",
        )
        assert seen["Accessibility needs"] == "'+86 571 8888 0000"
        assert seen["Registered"].startswith("20")
