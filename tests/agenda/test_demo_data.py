"""The demo data files: they all parse, and a malformed one stops the load with a message naming the file and key."""

import shutil

import pytest

from agenda.demo.loader import demo_load
from agenda.demo.reader import DATA_DIR, DemoDataError, edition_slugs, read_demo_data
from agenda.models import Edition, Session

SESSION_KEYS = (
    "slug, kind, title, day, start, end, description, topic, room, venue, language, capacity, "
    "registration_required, is_sample, speakers, organisers, items"
)


@pytest.fixture
def data_dir(tmp_path):
    """A copy of the demo data files that a test may break."""
    copy = tmp_path / "data"
    shutil.copytree(DATA_DIR, copy)
    return copy


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_every_demo_data_file_parses():
    data = read_demo_data()

    read = {"summit.yaml", "venues.yaml", "topics.yaml", "organisations.yaml", "people.yaml"}
    read |= {f"editions/{slug}.yaml" for slug in edition_slugs()}
    assert {path.relative_to(DATA_DIR).as_posix() for path in DATA_DIR.rglob("*.yaml")} == read
    assert [edition["slug"] for edition in data.editions] == ["2017", "2022", "2023", "2024"]
    assert [edition["slug"] for edition in data.editions if edition["is_current"]] == ["2024"]
    assert (len(data.venues), len(data.topics), len(data.organisations), len(data.people)) == (3, 12, 57, 25)
    assert data.summit == {"slug": "wic", "name": "World Internet Conference Wuzhen Summit", "short_name": "wic"}


def test_demo_data_reads_dates_and_times_as_text_quoted_or_not(data_dir):
    edit(
        data_dir / "editions" / "2023.yaml",
        'day: "2023-11-08"\n    start: "09:00"',
        "day: 2023-11-08\n    start: 09:00",
    )
    edit(
        data_dir / "editions" / "2023.yaml",
        'forum-hall-a\n    day: "2023-11-08"\n    start: "14:00"',
        'forum-hall-a\n    day: "2023-11-08"\n    start: 14:00',
    )

    sessions = {session["slug"]: session for session in read_demo_data(data_dir).editions[2]["sessions"]}

    assert (sessions["opening-ceremony"]["day"], sessions["opening-ceremony"]["start"]) == ("2023-11-08", "09:00")
    assert sessions["gdi-digital-cooperation"]["start"] == "14:00"


def test_demo_data_with_an_unknown_key_names_the_file_and_the_key(data_dir):
    path = data_dir / "editions" / "2023.yaml"
    edit(
        path,
        "  - slug: opening-ceremony\n    kind: opening_ceremony\n    title:",
        "  - slug: opening-ceremony\n    kind: opening_ceremony\n    titel:",
    )

    with pytest.raises(DemoDataError) as error:
        read_demo_data(data_dir)

    assert str(error.value) == (
        f"{path}, sessions, item 1 “opening-ceremony”: unknown key “titel” in a session (known keys: {SESSION_KEYS})."
    )


def test_demo_data_with_a_missing_required_key_names_the_file_and_the_key(data_dir):
    path = data_dir / "venues.yaml"
    edit(path, "{slug: main-hall, name: Main Conference Hall, ", "{slug: main-hall, ")

    with pytest.raises(DemoDataError) as error:
        read_demo_data(data_dir)

    assert str(error.value) == (
        f"{path}, item 1 “convention-center”, rooms, item 1 “main-hall”: missing required key “name” in a room."
    )


@pytest.mark.parametrize(
    ("name", "old", "new", "message"),
    [
        (
            "editions/2023.yaml",
            'start: "09:00"',
            'start: "9am"',
            "sessions, item 1 “opening-ceremony”, start: expected a time such as \"14:30\", got '9am'.",
        ),
        (
            "venues.yaml",
            "capacity: 1200",
            "capacity: many",
            "item 1 “convention-center”, rooms, item 1 “main-hall”, capacity: expected a whole number, got 'many'.",
        ),
        ("editions/2023.yaml", 'slug: "2023"', "slug: 2023", "slug: expected text, got 2023 (put it in quotes)."),
    ],
)
def test_demo_data_with_a_value_of_the_wrong_kind_says_where_and_what_is_expected(data_dir, name, old, new, message):
    path = data_dir / name
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")

    with pytest.raises(DemoDataError) as error:
        read_demo_data(data_dir)

    assert str(error.value) == f"{path}, {message}"


@pytest.mark.django_db
def test_demo_load_with_a_broken_file_writes_nothing(data_dir):
    edit(
        data_dir / "editions" / "2024.yaml",
        "  - slug: opening-ceremony\n    kind:",
        "  - slug: opening-ceremony\n    knd:",
    )

    with pytest.raises(DemoDataError):
        demo_load(data_dir=data_dir, pictures=False)

    assert (Edition.objects.count(), Session.objects.count()) == (0, 0)


@pytest.mark.django_db
def test_demo_load_with_a_reference_to_an_unknown_room_writes_nothing(data_dir):
    edit(
        data_dir / "editions" / "2023.yaml",
        "    title: Opening ceremony\n    room: main-hall",
        "    title: Opening ceremony\n    room: main-stage",
    )

    with pytest.raises(DemoDataError) as error:
        demo_load(edition="2023", data_dir=data_dir, pictures=False)

    assert str(error.value) == "Demo data for edition 2023 refers to an unknown room “main-stage”."
    assert (Edition.objects.count(), Session.objects.count()) == (0, 0)
