"""Imports an organiser can fix alone: each kind of mistake in a file is reported on its row, as the
spreadsheet numbers it, with a message that says how to fix it; bad files never break the page."""

import csv
import datetime as dt
import io
import re
from pathlib import Path

import openpyxl
import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from agenda.enums import (
    ExhibitCategory,
    OrganisationKind,
    OrganiserRole,
    SessionKind,
    SessionLanguage,
    SessionStatus,
    SpeakerRole,
)
from agenda.models import Exhibit, Person, Room, Session
from tests.factories import (
    EditionFactory,
    ExpoFactory,
    HallFactory,
    OrganisationFactory,
    PersonFactory,
    RoomFactory,
    SessionFactory,
    TopicFactory,
    VenueFactory,
)

pytestmark = pytest.mark.django_db

FORMATS = {"csv": ("0", "text/csv"), "xlsx": ("1", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")}
SESSION_HEADER = [
    "edition",
    "slug",
    "title",
    "kind",
    "status",
    "start",
    "end",
    "room",
    "venue",
    "topic",
    "language",
    "capacity",
    "registration_required",
    "description",
    "speakers",
    "organisers",
    "run_of_show",
]
TEMPLATES_DIR = Path(settings.BASE_DIR) / "static" / "import-templates"


# Helpers shared with test_imports_round_trip.py -------------------------------------------------------


def csv_bytes(rows):
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue().encode("utf-8")


def xlsx_bytes(rows):
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def session_rows(*rows, header=SESSION_HEADER):
    """The header, then each row given as {column: value}; columns a row leaves out are empty."""
    return [header] + [[row.get(column, "") for column in header] for row in rows]


def upload(client, admin_name, content, file_format="csv"):
    """The preview page of an import: the first step, before anything is saved."""
    code, content_type = FORMATS[file_format]
    if isinstance(content, list):
        content = csv_bytes(content) if file_format == "csv" else xlsx_bytes(content)
    file = SimpleUploadedFile(f"import.{file_format}", content, content_type=content_type)
    data = {"import_file": file, "format": code, "resource": "0"}
    return client.post(reverse(f"admin:agenda_{admin_name}_import"), data)


def confirm(client, admin_name, preview):
    assert "confirm_form" in preview.context, problems(preview)
    data = preview.context["confirm_form"].initial
    return client.post(reverse(f"admin:agenda_{admin_name}_process_import"), data, follow=True)


def problems(response):
    """{spreadsheet row number: {column: [messages]}} of a preview."""
    return {row.number: row.error_dict for row in response.context["result"].invalid_rows}


def page_text(response):
    """The page as a reader sees it: tags dropped, quotes undone, white space squeezed."""
    text = re.sub(r"<[^>]+>", " ", response.content.decode())
    for entity, char in (("&#x27;", "'"), ("&quot;", '"'), ("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&")):
        text = text.replace(entity, char)
    return re.sub(r"\s+", " ", text)


def row_html(response, number):
    """The preview's table row for a spreadsheet row."""
    match = re.search(rf'<tr id="row-{number}">(.*?)</tr>', response.content.decode(), re.DOTALL)
    assert match, f"no table row for spreadsheet row {number}"
    return match.group(1)


# The edition the files refer to ---------------------------------------------------------------------------


@pytest.fixture
def edition():
    edition = EditionFactory(slug="2024", start_date=dt.date(2024, 11, 19), end_date=dt.date(2024, 11, 22))
    venue = VenueFactory(edition=edition, slug="convention-center")
    for slug in ("forum-hall-a", "forum-hall-b", "main-hall"):
        RoomFactory(venue=venue, slug=slug)
    TopicFactory(edition=edition, slug="artificial-intelligence", name="Artificial intelligence")
    for slug in ("robin-li", "zeng-yi", "wang-haifeng"):
        PersonFactory(edition=edition, slug=slug)
    for slug in ("wic", "baidu"):
        OrganisationFactory(edition=edition, slug=slug)
    return edition


def good(**cells):
    row = {
        "edition": "2024",
        "slug": "good",
        "title": "Good",
        "kind": "sub_forum",
        "status": "draft",
        "start": "2024-11-20 09:00",
        "end": "2024-11-20 11:00",
        "room": "forum-hall-a",
        "language": "en",
        "registration_required": "no",
    }
    return {**row, **cells}


# A file holding each kind of mistake ------------------------------------------------------------------------


MISTAKES = [
    good(slug="fine"),  # row 2
    good(slug="lost", edition="2099"),  # row 3
    good(slug="bad-codes", kind="keynote", status="publshed", language="french"),  # row 4
    good(slug="bad-places", room="forum-hal-a", topic="ai"),  # row 5
    good(slug="bad-times", start="21/11/2024 9am"),  # row 6
    good(slug="backwards", start="2024-11-20 14:00", end="2024-11-20 13:00"),  # row 7
    good(slug="bad-numbers", capacity="many", registration_required="maybe"),  # row 8
    good(slug="both-places", venue="convention-center"),  # row 9
    good(slug="no-venue", room="", venue="convention-centre"),  # row 10
    good(slug="fine", title="Same slug as row 2"),  # row 11
    good(slug="bad-people", speakers="robin-li (keynot); robbin-li", organisers="wic (sponsr); baidoo"),  # row 12
    good(slug="bad-items", run_of_show="09:00 | 10 | Opening\nno bars here\n08:00 | 10 | Too early"),  # row 13
    good(slug="too-long", title="T" * 301),  # row 14
    good(slug="AI Governance Forum"),  # row 15
    good(slug="outside", start="2024-12-01 09:00", end="2024-12-01 10:00"),  # row 16
]


@pytest.mark.parametrize("file_format", FORMATS)
def test_a_file_with_each_kind_of_mistake_reports_every_bad_row_by_its_spreadsheet_number(
    organiser_client, edition, file_format
):
    response = upload(organiser_client, "session", session_rows(*MISTAKES), file_format)

    found = problems(response)
    assert response.status_code == 200
    assert sorted(found) == list(range(3, 17))  # the header is row 1, the clean first row is row 2
    assert "confirm_form" not in response.context
    assert Session.objects.count() == 0
    assert found[3] == {"edition": ["Unknown edition “2099”. Editions: 2024."]}
    assert found[4]["kind"] == [
        "“keynote” is not a valid session kind. Use one of: opening_ceremony, plenary, sub_forum, award_ceremony, "
        "press_conference, competition, expo_event, side_event, break."
    ]
    assert found[4]["status"] == [
        "“publshed” is not a valid status. Use one of: draft, published, cancelled. Did you mean “published”?"
    ]
    assert found[4]["language"] == ["“french” is not a valid language. Use one of: en, zh, en-zh."]
    assert found[5]["room"] == [
        "No room “forum-hal-a” in edition 2024. Did you mean “forum-hall-a”? "
        "The rooms of edition 2024: forum-hall-a, forum-hall-b, main-hall."
    ]
    assert found[5]["topic"] == ["No topic “ai” in edition 2024. The topics of edition 2024: artificial-intelligence."]
    assert found[6]["start"] == [
        "“21/11/2024 9am” is not a date and time: write it like 2024-11-20 09:30 (year-month-day, 24-hour clock). "
        "Times are read in the edition’s time zone, China Standard Time (Asia/Shanghai)."
    ]
    assert found[7]["end"] == ["The session must end after it starts."]
    assert found[8] == {
        "capacity": ["“many” is not a whole number."],
        "registration_required": ["“maybe” is not yes or no."],
    }
    assert found[9] == {"venue": ["Choose either a room or a whole venue, not both."]}
    assert found[10]["venue"] == [
        "No venue “convention-centre” in edition 2024. Did you mean “convention-center”? "
        "The venues of edition 2024: convention-center."
    ]
    assert found[11] == {"slug": ["The slug “fine” is already used by row 2 of this file."]}
    assert found[12]["speakers"] == [
        "“keynot” is not a valid speaker role. Use one of: keynote, speaker, panelist, moderator, host. "
        "Did you mean “keynote”?",
        "No person “robbin-li” in edition 2024. Did you mean “robin-li”? "
        "The people of edition 2024: robin-li, wang-haifeng, zeng-yi.",
    ]
    assert found[12]["organisers"] == [
        "“sponsr” is not a valid organiser role. Use one of: host, organiser, co_organiser, sponsor, supporter. "
        "Did you mean “sponsor”?",
        "No organisation “baidoo” in edition 2024. Did you mean “baidu”? "
        "The organisations of edition 2024: baidu, wic.",
    ]
    assert found[13]["run_of_show"] == [
        "Line 2 “no bars here”: write an item as start | minutes | title | speakers, "
        "e.g. 09:30 | 15 | Opening remarks | robin-li; zeng-yi.",
        "Line 3 (“Too early”): The item must start within its session’s time.",
    ]
    assert found[14]["title"] == ["Ensure this value has at most 300 characters (it has 301)."]
    assert found[15]["slug"] == [
        "“AI Governance Forum” is not a slug: use lowercase letters, digits and hyphens only. "
        "For example “ai-governance-forum”."
    ]
    assert found[16]["__all__"] == [
        "The session must take place within the edition’s dates, 2024-11-19 to 2024-11-22 (Asia/Shanghai time). "
        "An event on the eve or in another city can be marked “around the summit”."
    ]


def test_each_bad_row_shows_its_problems_beside_it_not_behind_a_badge(organiser_client, edition):
    response = upload(organiser_client, "session", session_rows(*MISTAKES))

    html = response.content.decode()
    row = row_html(response, 4)
    assert 'class="row-number">4</th>' in row
    assert '<span class="problem-column">status</span> “publshed” is not a valid status.' in row
    assert '<td class="cell-wrong"><div class="cell">publshed</div></td>' in row
    assert "validation-error-container" not in html  # the library's hover-only box
    assert "Traceback" not in html
    assert "4 " in page_text(response)  # the number a reader looks for in the spreadsheet


def test_html_in_a_title_is_shown_as_text(organiser_client, edition):
    bad = good(slug="script", title="<script>alert(1)</script>", start="never")
    fine = good(slug="bold", title="<b>Bold</b> forum")

    with_error = upload(organiser_client, "session", session_rows(bad))
    clean = upload(organiser_client, "session", session_rows(fine))

    for response in (with_error, clean):
        assert "<script>alert(1)</script>" not in response.content.decode()
        assert "<b>Bold</b>" not in response.content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in with_error.content.decode()
    assert "&lt;b&gt;Bold&lt;/b&gt; forum" in clean.content.decode()


def test_a_run_of_show_item_outside_its_session_is_reported_with_its_line(organiser_client, edition):
    row = good(run_of_show="09:00 | 10 | Opening\n| 200 | Marathon | robin-li; nobody\nlunch | | Lunch")

    found = problems(upload(organiser_client, "session", session_rows(row)))

    assert found[2]["run_of_show"] == [
        "Line 2 (“Marathon”): No person “nobody” in edition 2024. "
        "The people of edition 2024: robin-li, wang-haifeng, zeng-yi.",
        "Line 3 (“Lunch”): “lunch” is not a time: write it like 09:30, in the edition’s time zone.",
    ]
    fixed = good(run_of_show="09:00 | 10 | Opening\n| 200 | Marathon | robin-li")
    found = problems(upload(organiser_client, "session", session_rows(fixed)))
    assert found[2]["run_of_show"] == ["Line 2 (“Marathon”): The item would run past the end of its session (11:00)."]


# Columns -------------------------------------------------------------------------------------------------


def test_missing_columns_are_named_with_the_columns_the_file_has(organiser_client, edition):
    rows = [
        ["edition", "slug", "titel", "start time", "end"],
        ["2024", "x", "X", "2024-11-20 09:00", "2024-11-20 10:00"],
    ]

    response = upload(organiser_client, "session", rows)

    text = page_text(response)
    assert "This file cannot be imported yet" in text
    assert "Missing columns: title, start. The file has: edition, slug, titel, start_time, end." in text
    assert "These columns are not read: titel, start_time. “titel” may be “title”; “start_time” may be “start”." in text
    assert "The columns of this import are: edition, slug, title, title_zh_hans, kind, status, start, end," in text
    assert "Traceback" not in text
    assert "confirm_form" not in response.context
    assert Session.objects.count() == 0


def test_a_column_given_twice_is_named_with_its_letters(organiser_client, edition):
    header = ["edition", "slug", "title", "start", "end", "title"]
    rows = [header, ["2024", "x", "X", "2024-11-20 09:00", "2024-11-20 10:00", "Y"]]

    text = page_text(upload(organiser_client, "session", rows))

    assert "The column “title” appears more than once (columns C, F): keep one." in text


def test_headers_are_read_whatever_their_case_and_spaces_and_unknown_ones_are_noted(organiser_client, edition):
    rows = [
        ["Edition", " Slug", "Title", "Start", "END", "Registration required", "Notes", ""],
        ["2024", "x", "X", "2024-11-20 09:00", "2024-11-20 10:00", "yes", "ask Li about the stage", "call back"],
    ]

    response = upload(organiser_client, "session", rows)

    text = page_text(response)
    assert "These columns are not read: notes." in text
    assert "Column H has no name in row 1, so what it holds is not read." in text
    assert "Not in the file: title_zh_hans, kind, status, room, venue, topic," in text
    assert "Saved rows keep what they hold there; new rows get the defaults." in text
    confirm(organiser_client, "session", response)
    assert list(Session.objects.values_list("slug", "registration_required")) == [("x", True)]


def test_empty_rows_of_a_workbook_are_passed_over_and_the_numbers_stay_the_sheets(organiser_client, edition):
    rows = session_rows(good(slug="a"), good(slug="b"), good(slug="c", kind="keynote"))
    rows.insert(2, [None] * len(SESSION_HEADER))  # sheet row 3 is empty

    response = upload(organiser_client, "session", rows, "xlsx")

    assert list(problems(response)) == [5]


# Files that are not what they should be ----------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16"])
def test_a_csv_is_read_in_the_encodings_spreadsheets_save(organiser_client, edition, encoding):
    # Excel on Chinese Windows saves CSV in GB18030; "CSV UTF-8" adds a byte order mark; "Unicode text" is UTF-16.
    text = "edition,slug,title,start,end\n2024,wuzhen,乌镇峰会,2024-11-20 09:00,2024-11-20 10:00\n"

    preview = upload(organiser_client, "session", text.encode(encoding))
    confirm(organiser_client, "session", preview)

    assert Session.objects.get(slug="wuzhen").title == "乌镇峰会"


def test_a_file_in_no_known_encoding_is_answered_on_the_form(organiser_client, edition):
    content = b"edition,slug,title,start,end\n2024,caf\x80\xff,Caf\x80,2024-11-20 09:00,2024-11-20 10:00\n"

    response = upload(organiser_client, "session", content)

    assert response.status_code == 200
    assert "neither UTF-8 nor GB18030" in str(response.context["form"].errors["import_file"])
    assert Session.objects.count() == 0


def test_blank_lines_in_a_csv_keep_the_row_numbers_the_file_shows(organiser_client, edition):
    header = ",".join(SESSION_HEADER)
    bad = ",".join(session_rows(good(slug="late", start="tomorrow"))[1])
    fine = ",".join(session_rows(good(slug="fine"))[1])
    content = f"{header}\n{fine}\n\n\n{bad}\n".encode()

    response = upload(organiser_client, "session", content)

    assert list(problems(response)) == [5]


@pytest.mark.parametrize(
    ("content", "file_format"),
    [
        (b"", "csv"),
        (b"edition,slug,title,start,end\r\n", "csv"),
        (b"not a workbook at all", "xlsx"),
        (xlsx_bytes([]), "xlsx"),
    ],
    ids=["empty", "header-only", "not-xlsx", "empty-workbook"],
)
def test_an_empty_or_unreadable_file_is_answered_on_the_form(organiser_client, edition, content, file_format):
    response = upload(organiser_client, "session", content, file_format)

    assert response.status_code == 200
    assert response.context["form"].errors["import_file"]
    assert Session.objects.count() == 0


def test_a_workbook_with_only_empty_rows_says_so(organiser_client, edition):
    rows = [SESSION_HEADER, [None] * len(SESSION_HEADER), [""] * len(SESSION_HEADER)]

    response = upload(organiser_client, "session", rows, "xlsx")

    assert "The file has no rows to import" in page_text(response)
    assert "Nothing to change" not in page_text(response)


# People, organisations and exhibits -----------------------------------------------------------------------------


def test_people_mistakes_suggest_the_organisation_and_the_country(organiser_client, edition):
    rows = [
        ["edition", "slug", "name", "title", "organisation", "country", "bio"],
        ["2024", "li", "Li", "", "wicc", "China", ""],
        ["2024", "ng", "Ng", "", "baidu", "Chna", ""],
        ["2024", "", "Nobody", "", "", "", ""],
    ]

    response = upload(organiser_client, "person", rows)

    found = problems(response)
    assert found[2] == {
        "organisation": [
            "No organisation “wicc” in edition 2024. Did you mean “wic”? The organisations of edition 2024: baidu, wic."
        ]
    }
    assert found[3] == {
        "country": ["“Chna” is not a country: write its two-letter code, e.g. CN, US or GB. Did you mean CN (China)?"]
    }
    assert found[4] == {"slug": ["This field cannot be blank."]}
    assert Person.objects.filter(slug__in=["li", "ng"]).count() == 0


def test_organisations_accept_a_kind_by_its_label_and_list_the_codes_otherwise(organiser_client, edition):
    rows = [
        ["edition", "slug", "name", "kind", "country", "website"],
        ["2024", "cac", "CAC Studies", "Think tank", "cn", ""],
        ["2024", "acme", "Acme", "megacorp", "US", "not a website"],
    ]

    found = problems(upload(organiser_client, "organisation", rows))

    assert found == {
        3: {
            "kind": [
                "“megacorp” is not a valid organisation kind. Use one of: company, government, international, "
                "academia, think_tank, media, other."
            ],
            "website": ["Enter a valid URL."],
        }
    }


def test_exhibit_mistakes_name_the_expo_hall_and_category(organiser_client, edition):
    expo = ExpoFactory(edition=edition, slug="light-expo")
    HallFactory(expo=expo, slug="hall-1")
    HallFactory(expo=ExpoFactory(edition=edition, slug="other-expo"), slug="hall-9")
    header = [
        "edition",
        "expo",
        "slug",
        "title",
        "exhibitor",
        "category",
        "hall",
        "booth",
        "is_featured",
        "description",
    ]
    rows = [
        header,
        ["2024", "light-expo", "robots", "Robots", "baidu", "robotics", "hall-1", "A-1", "yes", ""],
        ["2024", "ligth-expo", "lost", "Lost", "baidu", "ai", "", "", "no", ""],
        ["2024", "light-expo", "elsewhere", "Elsewhere", "baidu", "AI stuff", "hall-9", "", "no", ""],
        ["2030", "light-expo", "future", "Future", "baidu", "ai", "", "", "no", ""],
    ]

    found = problems(upload(organiser_client, "exhibit", rows))

    assert sorted(found) == [3, 4, 5]
    assert found[3]["expo"] == [
        "No expo “ligth-expo” in edition 2024. Did you mean “light-expo”? "
        "The expos of edition 2024: light-expo, other-expo."
    ]
    assert found[4]["hall"] == [
        "No hall “hall-9” in expo light-expo. Did you mean “hall-1”? The halls of expo light-expo: hall-1."
    ]
    assert found[4]["category"][0].startswith("“AI stuff” is not a valid exhibit category. Use one of: ai, robotics,")
    assert found[5]["edition"] == ["Unknown edition “2030”. Editions: 2024."]
    assert Exhibit.objects.count() == 0


# The import page -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("admin_name", "template", "codes"),
    [
        (
            "session",
            "sessions",
            [SessionKind, SessionStatus, SessionLanguage, SpeakerRole, OrganiserRole],
        ),
        ("organisation", "organisations", [OrganisationKind]),
        ("exhibit", "exhibits", [ExhibitCategory]),
        ("person", "people", []),
    ],
)
def test_the_import_page_links_the_template_and_lists_the_valid_codes(organiser_client, admin_name, template, codes):
    response = organiser_client.get(reverse(f"admin:agenda_{admin_name}_import"))

    html = response.content.decode()
    text = page_text(response)
    assert f'href="/static/import-templates/{template}.xlsx"' in html
    assert f'href="/static/import-templates/{template}.csv"' in html
    assert (TEMPLATES_DIR / f"{template}.xlsx").is_file() and (TEMPLATES_DIR / f"{template}.csv").is_file()
    assert "edition’s own time zone" in text
    for enum in codes:
        for code, _label in enum.choices:
            assert f"<code>{code}</code>" in html, (enum.__name__, code)
    if admin_name == "session":
        assert "start | minutes | title | speakers" in text
        assert "write the venue’s slug in venue" in text


# Clashes the file makes ------------------------------------------------------------------------------------


def test_a_file_that_books_a_room_twice_says_so_before_and_after_confirming(organiser_client, edition):
    SessionFactory(
        edition=edition,
        title="Existing forum",
        room=Room.objects.get(slug="forum-hall-a"),
        start=dt.datetime(2024, 11, 20, 10, 0, tzinfo=edition.zone),
        end=dt.datetime(2024, 11, 20, 12, 0, tzinfo=edition.zone),
    )
    rows = session_rows(good(slug="clashing", title="New forum"), good(slug="elsewhere", room="forum-hall-b"))

    preview = upload(organiser_client, "session", rows)
    done = confirm(organiser_client, "session", preview)

    notice = "1 session of this file shares a room or a speaker with another at the same time: “New forum”."
    assert f"On confirming: {notice}" in page_text(preview)
    assert notice in page_text(done)


def test_a_file_without_clashes_says_nothing_of_them(organiser_client, edition):
    preview = upload(organiser_client, "session", session_rows(good(slug="alone")))

    assert "shares a room" not in page_text(preview)
