"""More content in two languages: a room's building, run-of-show titles in import files, the synthetic and demo
editions, and country names and their order in Chinese."""

import datetime as dt
import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from django_countries import countries

from agenda.demo.reader import read_demo_data
from agenda.models import Edition, Room, Session
from agenda.translation import any_text_missing_chinese
from tests.agenda.test_imports import confirm, edition, good, problems, session_rows, upload  # noqa: F401
from tests.factories import RoomFactory, SessionFactory, VenueFactory
from tests.factories.attendees import open_registration

pytestmark = pytest.mark.django_db

RUN_OF_SHOW = "09:00 | 10 | Opening remarks\n| 60 | Keynote speeches\n| 30 | Panel discussion"
HEADER = [*good(), "run_of_show", "run_of_show_zh_hans"]


# -- a room's building ------------------------------------------------------------------------------------------


def test_a_rooms_building_shows_in_chinese_and_falls_back_to_english():
    venue = VenueFactory()
    both = RoomFactory(venue=venue, building="Convention Center", building_zh_hans="会展中心")
    english_only = RoomFactory(venue=venue, building="Expo Center")

    with translation.override("zh-hans"):
        chinese = [Room.objects.get(pk=room.pk).building for room in (both, english_only)]
    english = Room.objects.get(pk=both.pk).building

    assert chinese == ["会展中心", "Expo Center"]
    assert english == "Convention Center"


def test_a_room_whose_building_lacks_chinese_counts_as_untranslated():
    venue = VenueFactory()
    done = RoomFactory(
        venue=venue, name="Hall A", name_zh_hans="A厅", building="Expo Center", building_zh_hans="博览中心"
    )
    missing = RoomFactory(venue=venue, name="Hall B", name_zh_hans="B厅", building="Expo Center")

    untranslated = set(Room.objects.filter(any_text_missing_chinese(Room)).values_list("pk", flat=True))

    assert untranslated == {missing.pk}
    assert done.pk not in untranslated


def test_the_room_admin_edits_the_building_in_both_languages_and_finds_it_by_either(admin_client):
    room = RoomFactory(name="Hall A", building="Expo Center", building_zh_hans="博览中心")
    RoomFactory(venue=room.venue, name="Hall B", building="Museum")

    form = admin_client.get(reverse("admin:agenda_room_change", args=[room.pk])).content.decode()
    found = admin_client.get(reverse("admin:agenda_room_changelist"), {"q": "博览"}, follow=True)

    assert 'name="building_en"' in form and 'name="building_zh_hans"' in form
    assert [row.pk for row in found.context["cl"].result_list] == [room.pk]


# -- run-of-show titles in Chinese, in import files -----------------------------------------------------------------


def chinese_page(session):
    with translation.override("zh-hans"):
        url = reverse("agenda:session_detail", args=[session.edition.slug, session.slug])
    return url


def test_an_import_gives_run_of_show_items_their_chinese_titles_shown_on_the_chinese_page(
    organiser_client,
    client,
    edition,  # noqa: F811
):
    edition.is_published = True
    edition.save()
    row = good(status="published", run_of_show=RUN_OF_SHOW, run_of_show_zh_hans="开幕致辞\n\n圆桌讨论")

    confirm(organiser_client, "session", upload(organiser_client, "session", session_rows(row, header=HEADER)))

    session = Session.objects.get(edition=edition, slug="good")
    items = list(session.items.order_by("position"))
    assert [(item.title_en, item.title_zh_hans or "") for item in items] == [
        ("Opening remarks", "开幕致辞"),
        ("Keynote speeches", ""),
        ("Panel discussion", "圆桌讨论"),
    ]
    page = client.get(chinese_page(session)).content.decode()
    assert "开幕致辞" in page and "圆桌讨论" in page
    assert "Keynote speeches" in page  # no Chinese: the English title


def test_more_chinese_titles_than_items_are_refused_with_the_counts(organiser_client, edition):  # noqa: F811
    row = good(run_of_show=RUN_OF_SHOW, run_of_show_zh_hans="开幕致辞\n主旨演讲\n圆桌讨论\n闭幕致辞")

    response = upload(organiser_client, "session", session_rows(row, header=HEADER))

    messages = problems(response)[2]["run_of_show_zh_hans"]
    assert any("4 lines but the run-of-show 3 items" in message for message in messages)


def test_a_file_with_only_the_chinese_column_sets_the_saved_items_titles(organiser_client, edition):  # noqa: F811
    header = ["edition", "slug", "title", "start", "end", "run_of_show_zh_hans"]
    SessionFactory(
        edition=edition,
        slug="good",
        title="Good",
        start=dt.datetime(2024, 11, 20, 1, 0, tzinfo=dt.UTC),
        end=dt.datetime(2024, 11, 20, 3, 0, tzinfo=dt.UTC),
    )
    session = Session.objects.get(slug="good")
    session.items.create(position=1, title="Opening remarks", duration_minutes=10)
    session.items.create(position=2, title="Keynote speeches", duration_minutes=60)
    rows = [header, ["2024", "good", "Good", "2024-11-20 09:00", "2024-11-20 11:00", "开幕致辞\n主旨演讲"]]

    confirm(organiser_client, "session", upload(organiser_client, "session", rows))
    again = upload(organiser_client, "session", rows)

    assert [item.title_zh_hans for item in session.items.order_by("position")] == ["开幕致辞", "主旨演讲"]
    assert again.context["result"].nothing_to_change


# -- the synthetic and the demo editions --------------------------------------------------------------------------


def test_generate_summit_gives_the_edition_chinese_titles_rooms_themes_and_organisations():
    call_command(
        "generate_summit",
        slug="next",
        sessions=6,
        rooms=2,
        speakers=8,
        days=1,
        exhibits=2,
        pictures_per_exhibit=0,
        stdout=None,
    )

    with translation.override("zh-hans"):
        generated = Edition.objects.get(slug="next")
        session = generated.sessions.order_by("slug").first()
        texts = [
            generated.theme,
            session.title,
            session.room.name,
            session.room.building,
            session.topic.name,
            session.items.order_by("position").first().title,
            generated.organisations.order_by("slug").first().name,
            generated.expos.get().exhibits.order_by("slug").first().title,
        ]
    assert texts[:4] == ["用于测试和性能基准的合成议程", "人工智能论坛 0001", "01号会议室", "合成会展中心"]
    assert texts[4:7] == ["人工智能", "开幕致辞", "机构 0001"]
    assert re.search(r"[\u4e00-\u9fff]", texts[7]), texts[7]


@pytest.mark.parametrize(
    ("slug", "theme"),
    [("2017", "发展数字经济 促进开放共享——携手共建网络空间命运共同体"), ("2022", "共建网络世界 共创数字未来")],
)
def test_the_2017_and_2022_demo_editions_carry_chinese_themes_and_session_titles(slug, theme):
    data = next(data for data in read_demo_data().editions if data["slug"] == slug)

    untitled = [session["slug"] for session in data["sessions"] if not session.get("title_zh_hans")]
    items = [item for session in data["sessions"] for item in session.get("items", [])]

    assert data["theme_zh_hans"] == theme
    assert data["name_zh_hans"] == f"{slug}年世界互联网大会乌镇峰会"
    assert untitled == []
    assert all(item.get("title_zh_hans") for item in items)


def test_the_loaded_demo_gives_rooms_their_buildings_chinese_name():
    call_command("load_demo", edition="2017", verbosity=0, no_pictures=True)

    with translation.override("zh-hans"):
        room = Room.objects.get(venue__edition__slug="2017", slug="main-hall")
        demo = Edition.objects.get(slug="2017")
        assert (room.building, demo.sessions.get(slug="fintech").title) == (
            "乌镇互联网国际会展中心",
            "金融科技",
        )


# -- countries -----------------------------------------------------------------------------------------------------


def test_country_names_in_chinese_are_those_used_in_china():
    with translation.override("zh-hans"):
        names = {code: countries.name(code) for code in ("TW", "HK", "MO", "CN", "NP", "WS", "MK", "US", "GB")}

    assert names == {
        "TW": "中国台湾",
        "HK": "中国香港",
        "MO": "中国澳门",
        "CN": "中国",
        "NP": "尼泊尔",
        "WS": "萨摩亚",
        "MK": "北马其顿",
        "US": "美国",
        "GB": "英国",
    }
    assert countries.name("TW") == "Taiwan"


def test_the_chinese_registration_form_lists_countries_by_pinyin_and_the_english_one_alphabetically(client):
    open_edition = open_registration(Edition.objects.get(pk=SessionFactory().edition_id), is_published=True)
    with translation.override("zh-hans"):
        chinese_url = reverse("attendees:register", args=[open_edition.slug])
    english_url = reverse("attendees:register", args=[open_edition.slug])

    def options(url):
        html = client.get(url).content.decode()
        select = re.search(r'<select name="country".*?</select>', html, re.DOTALL).group(0)
        return re.findall(r'<option value="([A-Z]{2})"[^>]*>([^<]+)</option>', select)

    chinese, english = options(chinese_url), options(english_url)
    chinese_names = [name for _code, name in chinese]

    assert chinese_names[:3] == ["阿尔巴尼亚", "阿尔及利亚", "阿富汗"]  # a-er-ba, a-er-ji, a-fu
    assert chinese_names.index("中国") > chinese_names.index("德国")  # zhong after de
    china = chinese_names.index("中国")
    assert chinese_names[china : china + 4] == ["中国", "中国澳门", "中国台湾", "中国香港"]  # ao, tai, xiang
    assert chinese_names[-1].startswith("中")
    assert [name for _code, name in english][:3] == ["Afghanistan", "Åland Islands", "Albania"]
    assert dict(chinese)["HK"] == "中国香港"


# -- the city in the times' label ---------------------------------------------------------------------------------


def test_a_new_edition_in_wuzhen_is_labelled_in_chinese_with_the_citys_chinese_name():
    from tests.factories import EditionFactory

    summit_edition = EditionFactory()  # the city is the field's default, Wuzhen

    with translation.override("zh-hans"):
        label = Edition.objects.get(pk=summit_edition.pk).zone_label
    assert label == "乌镇时间，UTC+8"


def test_a_city_without_its_chinese_name_is_called_local_time_on_chinese_pages():
    from tests.factories import EditionFactory

    summit_edition = EditionFactory(city="Geneva", time_zone="Europe/Zurich")

    with translation.override("zh-hans"):
        chinese = Edition.objects.get(pk=summit_edition.pk).zone_label
    english = Edition.objects.get(pk=summit_edition.pk).zone_label

    assert chinese == "当地时间，UTC+1"
    assert english == "Geneva time, UTC+1"
