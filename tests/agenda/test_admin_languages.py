"""The back office in Chinese (it follows the browser's Accept-Language): dates in Chinese order, the zone by
its name, "View site" to the Chinese site, the run-of-show's two languages in one column."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from agenda.zones import zone_label
from attendees.enums import RegistrationStatus
from attendees.models import Registration
from tests.factories import EditionFactory, SessionFactory, SessionItemFactory
from tests.factories.attendees import RegistrationFactory

pytestmark = pytest.mark.django_db

CHINESE = {"HTTP_ACCEPT_LANGUAGE": "zh-hans"}
ENGLISH = {"HTTP_ACCEPT_LANGUAGE": "en"}


@pytest.fixture
def session(edition):
    start = dt.datetime(2024, 11, 20, 14, 0, tzinfo=edition.zone)
    return SessionFactory(
        edition=edition,
        title_en="AI governance",
        title_zh_hans="人工智能治理",
        start=start,
        end=start + dt.timedelta(hours=3, minutes=30),
        registration_required=True,
        capacity=50,
    )


def text(response):
    assert response.status_code == 200
    return re.sub(r"\s+", " ", response.content.decode())


def test_session_list_and_day_filter_write_days_in_each_languages_order(organiser_client, session):
    url = reverse("admin:agenda_session_changelist")

    chinese = text(organiser_client.get(url, {"edition__id__exact": session.edition.pk}, **CHINESE))
    english = text(organiser_client.get(url, {"edition__id__exact": session.edition.pk}, **ENGLISH))

    assert ("11月20日 星期三 14:00–17:30" in chinese, "2024年11月20日 星期三" in chinese) == (True, True)
    assert ("Wed 20 Nov 14:00–17:30" in english, "Wed 20 Nov 2024" in english) == (True, True)
    assert ("11月 2024" in chinese, "20 11月" in chinese) == (False, False)


def test_dashboard_writes_the_editions_days_and_sessions_in_chinese(organiser_client, session):
    registration = RegistrationFactory(edition=session.edition, status=RegistrationStatus.CHECKED_IN)
    Registration.objects.filter(pk=registration.pk).update(checked_in_at=timezone.now())

    page = text(organiser_client.get(reverse("admin:index"), **CHINESE))

    assert "2024年11月19日至22日" in page
    assert "11月20日 星期三 14:00" in page  # the sub-forum in the fill rates
    today = timezone.localdate(timezone=session.edition.zone)
    assert f"今日签到（{today.month}月{today.day}日 星期" in page


def test_registration_list_writes_when_in_chinese_order(organiser_client, edition):
    registration = RegistrationFactory(edition=edition, status=RegistrationStatus.CHECKED_IN)
    Registration.objects.filter(pk=registration.pk).update(
        created_at=dt.datetime(2024, 10, 2, 9, 30, tzinfo=edition.zone),
        checked_in_at=dt.datetime(2024, 11, 20, 8, 5, tzinfo=edition.zone),
    )
    url = reverse("admin:attendees_registration_changelist")

    chinese = text(organiser_client.get(url, {"edition__id__exact": edition.pk}, **CHINESE))
    english = text(organiser_client.get(url, {"edition__id__exact": edition.pk}, **ENGLISH))

    assert ("2024年10月2日 09:30" in chinese, "11月20日 08:05" in chinese) == (True, True)
    assert ("2 Oct 2024 09:30" in english, "20 Nov 08:05" in english) == (True, True)


def test_fill_rates_page_writes_sessions_in_chinese_order(organiser_client, session):
    url = reverse("admin:attendees_registration_fill_rates")

    page = text(organiser_client.get(url, {"edition": session.edition.pk}, **CHINESE))

    assert "11月20日 星期三 14:00" in page


def test_edition_list_shows_its_days_and_a_readable_zone(organiser_client, edition):
    url = reverse("admin:agenda_edition_changelist")

    chinese = text(organiser_client.get(url, **CHINESE))
    english = text(organiser_client.get(url, **ENGLISH))

    assert ("2024年11月19日至22日" in chinese, "中国标准时间 (Asia/Shanghai)" in chinese) == (True, True)
    assert ("19–22 November 2024" in english, "China Standard Time (Asia/Shanghai)" in english) == (True, True)


def test_history_writes_its_times_in_chinese_order(organiser_client, session):
    session.title_en = "AI governance and cooperation"
    session.save()
    url = reverse("admin:agenda_session_history", args=[session.pk])

    page = text(organiser_client.get(url, **CHINESE))

    assert re.search(r"<th scope=\"row\">\d{4}年\d{1,2}月\d{1,2}日 星期.+? \d\d:\d\d</th>", page)


def test_view_site_opens_the_site_in_the_admins_language(organiser_client, edition):
    chinese = text(organiser_client.get(reverse("admin:index"), **CHINESE))
    english = text(organiser_client.get(reverse("admin:index"), **ENGLISH))

    assert '<a href="/zh-hans/">查看站点</a>' in chinese
    assert '<a href="/">View site</a>' in english


def test_session_form_names_its_zone_in_the_admins_language(organiser_client, session):
    url = reverse("admin:agenda_session_change", args=[session.pk])

    chinese = text(organiser_client.get(url, **CHINESE))
    english = text(organiser_client.get(url, **ENGLISH))

    assert "此表单中的时间为中国标准时间 (Asia/Shanghai)" in chinese
    assert "Times on this form are in China Standard Time (Asia/Shanghai), the edition’s time zone." in english


def test_run_of_show_holds_both_languages_of_a_text_in_one_column(organiser_client, session):
    SessionItemFactory(session=session, title_en="Opening remarks", title_zh_hans="开幕致辞", position=1)
    url = reverse("admin:agenda_session_change", args=[session.pk])

    page = text(organiser_client.get(url, **CHINESE))
    group = page[page.index('id="items-group"') :]
    group = group[: group.index("</table>")]
    headers = re.findall(r'<th class="column-([a-z_]+)', group)

    assert headers == ["position", "start", "duration_minutes", "title_en", "speakers", "description_en"]
    cell = re.search(r'<td class="languages">(.*?)</td>', group).group(1)
    assert ('value="Opening remarks"' in cell, 'value="开幕致辞"' in cell) == (True, True)


@pytest.mark.parametrize(
    ("zone", "english", "chinese"),
    [
        ("Asia/Shanghai", "China Standard Time (Asia/Shanghai)", "中国标准时间 (Asia/Shanghai)"),
        ("Europe/Berlin", "Central European Time (Europe/Berlin)", "欧洲中部时间 (Europe/Berlin)"),
        ("Asia/Kolkata", "UTC+05:30 (Asia/Kolkata)", "UTC+05:30 (Asia/Kolkata)"),
        ("America/Sao_Paulo", "UTC−03:00 (America/Sao_Paulo)", "UTC−03:00 (America/Sao_Paulo)"),
    ],
)
def test_a_zone_is_named_in_each_language_or_by_its_offset(zone, english, chinese):
    with translation.override("en"):
        assert zone_label(zone, dt.date(2024, 11, 20)) == english
    with translation.override("zh-hans"):
        assert zone_label(zone, dt.date(2024, 11, 20)) == chinese


def test_an_unknown_zone_offset_follows_summer_time():
    assert zone_label("America/Vancouver", dt.date(2024, 7, 1)) == "UTC−07:00 (America/Vancouver)"
    assert zone_label("America/Vancouver", dt.date(2024, 12, 1)) == "UTC−08:00 (America/Vancouver)"


WHEN = dt.datetime(2024, 11, 20, 14, 0)
ADMIN_FORMATS = {
    "SHORT_WEEKDAY_DATE_FORMAT": ("Wed 20 Nov 2024", "2024年11月20日 星期三"),
    "SHORT_WEEKDAY_DATE_TIME_FORMAT": ("Wed 20 Nov 2024 14:00", "2024年11月20日 星期三 14:00"),
    "SHORT_WEEKDAY_DAY_MONTH_TIME_FORMAT": ("Wed 20 Nov 14:00", "11月20日 星期三 14:00"),
    "SHORT_DAY_MONTH_YEAR_TIME_FORMAT": ("20 Nov 2024 14:00", "2024年11月20日 14:00"),
    "SHORT_DAY_MONTH_TIME_FORMAT": ("20 Nov 14:00", "11月20日 14:00"),
}


@pytest.mark.parametrize("name", list(ADMIN_FORMATS))
def test_each_back_office_date_format_reads_naturally_in_each_language(name):
    with translation.override("en"):
        english = date_format(WHEN, name)
    with translation.override("zh-hans"):
        chinese = date_format(WHEN, name)

    assert (english, chinese) == ADMIN_FORMATS[name]


def test_an_edition_elsewhere_is_named_by_its_own_zone(organiser_client):
    berlin = EditionFactory(year=2040, time_zone="Europe/Berlin", is_current=True)
    url = reverse("admin:agenda_edition_change", args=[berlin.pk])

    assert "欧洲中部时间 (Europe/Berlin)" in text(organiser_client.get(url, **CHINESE))
