"""The demo data files: they all parse, and a malformed one stops the load with a message naming the file and key."""

import shutil

import pytest
from django.utils import translation

from agenda.demo.loader import demo_load
from agenda.demo.reader import DATA_DIR, DemoDataError, edition_slugs, read_demo_data
from agenda.models import Edition, Person, Session

SESSION_KEYS = (
    "slug, kind, title, day, start, end, description, topic, room, venue, language, capacity, "
    "registration_required, is_sample, around_summit, location, speakers, organisers, items, title_zh_hans, "
    "description_zh_hans, location_zh_hans"
)
# The Chinese columns come with django-modeltranslation; until the content models have them, the loader writes
# the English only and the tests of what lands in the database are skipped.
needs_chinese_columns = pytest.mark.skipif(
    not hasattr(Session, "title_zh_hans"), reason="the content models have no Chinese columns yet"
)
PERSON_KEYS = "slug, name, title, organisation, country, bio, name_zh_hans, title_zh_hans, bio_zh_hans"


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
    assert data.summit == {
        "slug": "wic",
        "name": "World Internet Conference Wuzhen Summit",
        "name_zh_hans": "世界互联网大会乌镇峰会",
        "short_name": "wic",
        "compact_name": "Wuzhen Summit",
        "compact_name_zh_hans": "乌镇峰会",
    }


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
        (
            "editions/2024.yaml",
            "title_zh_hans: 开幕式",
            "title_zh_hans: 2024",
            "sessions, item 3 “opening-ceremony”, title_zh_hans: expected text, got 2024 (put it in quotes).",
        ),
    ],
)
def test_demo_data_with_a_value_of_the_wrong_kind_says_where_and_what_is_expected(data_dir, name, old, new, message):
    path = data_dir / name
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")

    with pytest.raises(DemoDataError) as error:
        read_demo_data(data_dir)

    assert str(error.value) == f"{path}, {message}"


def test_demo_data_reads_the_chinese_beside_the_english():
    data = read_demo_data()
    editions = {edition["slug"]: edition for edition in data.editions}
    people = {person["slug"]: person for person in data.people}
    organisations = {organisation["slug"]: organisation for organisation in data.organisations}
    main_hall = data.venues[0]["rooms"][0]
    opening_2024 = editions["2024"]["sessions"][2]
    ten_year_honor = editions["2023"]["awards"][0]

    assert data.summit["name_zh_hans"] == "世界互联网大会乌镇峰会"
    assert (editions["2024"]["name_zh_hans"], editions["2024"]["theme_zh_hans"]) == (
        "2024年世界互联网大会乌镇峰会",
        "拥抱以人为本、智能向善的数字未来",
    )
    assert editions["2023"]["theme_zh_hans"] == "建设包容、普惠、有韧性的数字世界——携手构建网络空间命运共同体"
    assert (opening_2024["title"], opening_2024["title_zh_hans"]) == ("Opening ceremony", "开幕式")
    assert (main_hall["name"], main_hall["name_zh_hans"]) == ("Main Conference Hall", "主会议厅")
    assert (people["wang-haifeng"]["name"], people["wang-haifeng"]["name_zh_hans"]) == ("Wang Haifeng", "王海峰")
    assert "name_zh_hans" not in people["john-hoffman"]
    assert [organisations[slug]["name_zh_hans"] for slug in ("baidu", "alibaba-group", "tencent")] == [
        "百度",
        "阿里巴巴集团",
        "腾讯",
    ]
    assert (ten_year_honor["name_zh_hans"], [c["name_zh_hans"] for c in ten_year_honor["categories"]]) == (
        "乌镇峰会十周年纪念荣誉",
        ["杰出合作伙伴", "优秀组织单位", "特别贡献者"],
    )


@pytest.mark.parametrize("slug", ["2023", "2024"])
def test_demo_edition_has_its_name_theme_sessions_rooms_topics_and_awards_in_chinese(slug):
    data = read_demo_data()
    edition = next(edition for edition in data.editions if edition["slug"] == slug)
    venues = [venue for venue in data.venues if venue["slug"] in edition["venues"]]
    texts = [edition["name_zh_hans"], edition["theme_zh_hans"]]

    untranslated = [session["slug"] for session in edition["sessions"] if not session.get("title_zh_hans")]
    untranslated += [venue["slug"] for venue in venues if not venue.get("name_zh_hans")]
    untranslated += [room["slug"] for venue in venues for room in venue["rooms"] if not room.get("name_zh_hans")]
    untranslated += [
        topic["slug"] for topic in data.topics if topic["slug"] in edition["topics"] and not topic.get("name_zh_hans")
    ]
    untranslated += [award["slug"] for award in edition["awards"] if not award.get("name_zh_hans")]
    untranslated += [
        category["slug"]
        for award in edition["awards"]
        for category in award["categories"]
        if not category.get("name_zh_hans")
    ]

    assert untranslated == []
    assert all(texts)


@pytest.mark.parametrize(
    ("name", "old", "new", "message"),
    [
        (
            "editions/2023.yaml",
            "    title_zh_hans: 开幕式",
            "    kind_zh_hans: 开幕式",
            "sessions, item 1 “opening-ceremony”: unknown key “kind_zh_hans” in a session "
            f"(known keys: {SESSION_KEYS}).",
        ),
        (
            "people.yaml",
            "  name_zh_hans: 王海峰",
            "  organisation_zh_hans: 百度",
            f"item 3 “wang-haifeng”: unknown key “organisation_zh_hans” in a person (known keys: {PERSON_KEYS}).",
        ),
    ],
)
def test_demo_data_with_chinese_for_a_text_that_has_none_names_the_file_and_the_key(data_dir, name, old, new, message):
    path = data_dir / name
    edit(path, old, new)

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
        "    title_zh_hans: 开幕式\n    room: main-hall",
        "    title_zh_hans: 开幕式\n    room: main-stage",
    )

    with pytest.raises(DemoDataError) as error:
        demo_load(edition="2023", data_dir=data_dir, pictures=False)

    assert str(error.value) == "Demo data for edition 2023 refers to an unknown room “main-stage”."
    assert (Edition.objects.count(), Session.objects.count()) == (0, 0)


@needs_chinese_columns
@pytest.mark.django_db
def test_demo_load_saves_the_chinese_beside_the_english_and_a_second_load_changes_nothing():
    demo_load(edition="2024", pictures=False)
    again = demo_load(edition="2024", pictures=False)

    edition = Edition.objects.get(slug="2024")
    session = Session.objects.select_related("room").get(edition=edition, slug="main-forum")
    person = Person.objects.select_related("organisation").get(edition=edition, slug="wang-haifeng")
    assert (edition.theme_zh_hans, session.title_zh_hans, session.room.name_zh_hans) == (
        "拥抱以人为本、智能向善的数字未来",
        "主论坛",
        "主会议厅",
    )
    assert (person.name_zh_hans, person.organisation.name_zh_hans) == ("王海峰", "百度")
    with translation.override("en"):
        assert (session.title, person.name) == ("Main forum", "Wang Haifeng")
    with translation.override("zh-hans"):
        assert (session.title, person.name) == ("主论坛", "王海峰")
    assert [(loaded.created, loaded.updated, loaded.removed) for loaded in again] == [(0, 0, 0)]


def test_demo_session_titles_do_not_repeat_their_kind():
    """A sub-forum's kind is shown beside its title (a badge, the grid's room), so "Sub-forum:" is not in it."""
    data = read_demo_data()

    titles = [(s["title"], s.get("title_zh_hans", "")) for e in data.editions for s in e["sessions"]]
    assert [t for t in titles if t[0].lower().startswith("sub-forum") or t[1].startswith("分论坛")] == []
    assert len(titles) > 50
