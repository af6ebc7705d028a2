"""The door: a badge code, scanned or typed, or a search checks a delegate in, once."""

import datetime as dt

import pytest
from django.contrib.auth.models import Group
from django.core import signing
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from attendees.enums import DelegateCategory, RegistrationStatus
from attendees.models import Registration, StatusChange
from tests.factories import EditionFactory
from tests.factories.agenda import SHANGHAI
from tests.factories.attendees import RegistrationFactory

pytestmark = pytest.mark.django_db

CHECKIN = reverse("attendees:checkin")


@pytest.fixture
def door(django_user_model):
    user = django_user_model.objects.create_user("door", "door@example.org", "pw", is_staff=True)
    user.groups.add(Group.objects.get(name="Check-in staff"))
    return user


@pytest.fixture
def door_client(client, door):
    client.force_login(door)
    return client


@pytest.fixture
def edition():
    return EditionFactory(year=2031, name="2031 Wuzhen Summit", is_current=True)


def approved(edition, **fields):
    fields.setdefault("status", RegistrationStatus.APPROVED)
    return RegistrationFactory(edition=edition, **fields)


def scan(client, code, edition=None):
    data = {"q": code + "\r\n"}
    if edition is not None:
        data["edition"] = edition.pk
    response = client.post(CHECKIN, data)
    assert response.status_code == 302
    return client.get(response["Location"])


def shanghai_clock(registration):
    registration.refresh_from_db()
    return timezone.localtime(registration.checked_in_at, SHANGHAI).strftime("%H:%M")


def test_scanning_a_badge_checks_in_at_once(door_client, door, edition):
    registration = approved(edition, name="Ngozi Okafor", organisation="African Union", category="international")

    page = scan(door_client, registration.badge_code)

    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CHECKED_IN
    text = page.content.decode()
    assert f"Checked in at {shanghai_clock(registration)}" in text
    assert "Ngozi Okafor" in text
    assert "African Union" in text
    assert "International organisation" in text
    assert "#175cd3" in text  # the category's badge colour
    assert "2031 Wuzhen Summit" in text
    change = StatusChange.objects.get(registration=registration, new_status=RegistrationStatus.CHECKED_IN)
    assert change.changed_by == door
    assert page["Cache-Control"].startswith("max-age=0") or "no-cache" in page["Cache-Control"]
    assert "no-store" in page["Cache-Control"]


@pytest.mark.parametrize(
    "typed",
    [
        "k7qx-m4tb",
        "k7qxm4tb",
        "K7QX M4TB",
        "  K7QX–M4TB ",  # an en dash, as some phones type it
        "Ｋ７ＱＸ－Ｍ４ＴＢ",  # full-width, as a Chinese input method in full-width mode types it
        "https://wic.example.org/checkin/?code=K7QXM4TB",
        "https://wic.example.org/badge/K7QX-M4TB",
    ],
)
def test_a_badge_code_checks_in_whatever_its_case_dash_or_spaces(door_client, edition, typed):
    registration = approved(edition, badge_code="K7QXM4TB")

    page = scan(door_client, typed, edition=edition)

    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CHECKED_IN
    assert f"Checked in at {shanghai_clock(registration)}" in page.content.decode()


def test_a_second_scan_says_when_with_the_day_and_the_edition_time_zone(door_client, edition):
    registration = approved(edition)
    scan(door_client, registration.badge_code)
    today = timezone.localtime(timezone.now(), SHANGHAI).date()
    nine_twelve = dt.datetime.combine(today, dt.time(9, 12), tzinfo=SHANGHAI)
    Registration.objects.filter(pk=registration.pk).update(checked_in_at=nine_twelve)

    page = scan(door_client, registration.printed_badge_code.lower())

    day = f"{today:%a} {today.day} {today:%b %Y}"
    assert f"Already checked in on {day} at 09:12 (Wuzhen time, UTC+8)" in page.content.decode()
    assert page.context["result"]["outcome"] == "already"
    assert StatusChange.objects.filter(registration=registration, new_status="checked_in").count() == 1


def test_an_earlier_day_is_named(door_client, edition):
    registration = approved(edition)
    scan(door_client, registration.badge_code)
    Registration.objects.filter(pk=registration.pk).update(checked_in_at=dt.datetime(2031, 11, 19, 1, 5, tzinfo=dt.UTC))

    page = scan(door_client, registration.badge_code)

    assert "Already checked in on Wed 19 Nov 2031 at 09:05 (Wuzhen time, UTC+8)" in page.content.decode()


@pytest.mark.parametrize(
    ("status", "label"),
    [
        (RegistrationStatus.SUBMITTED, "Submitted, awaiting approval"),
        (RegistrationStatus.REJECTED, "Rejected"),
        (RegistrationStatus.CANCELLED, "Cancelled"),
    ],
)
def test_registrations_not_approved_are_refused_with_the_reason(door_client, edition, status, label):
    registration = approved(edition, status=status)

    page = scan(door_client, registration.badge_code)

    assert f"Not checked in: this registration is “{label}”." in page.content.decode()
    registration.refresh_from_db()
    assert (registration.status, registration.checked_in_at) == (status, None)


def test_a_badge_of_another_edition_is_refused(door_client, edition):
    last_year = EditionFactory(year=2030, name="2030 Wuzhen Summit")
    registration = approved(last_year)

    page = scan(door_client, registration.badge_code, edition=edition)

    assert "this badge is for 2030 Wuzhen Summit, not for 2031 Wuzhen Summit" in page.content.decode()
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.APPROVED


def test_choosing_the_edition_checks_in_its_badges(door_client, edition):
    last_year = EditionFactory(year=2030, name="2030 Wuzhen Summit")
    registration = approved(last_year)

    page = scan(door_client, registration.badge_code, edition=last_year)

    assert "Checked in at" in page.content.decode()
    assert page.context["door_edition"] == last_year


def test_the_desk_stays_on_the_edition_chosen_there_or_in_the_back_office(door_client, organiser, edition):
    organiser_client = Client()
    organiser_client.force_login(organiser)
    next_year = EditionFactory(year=2032, name="2032 Wuzhen Summit")

    assert door_client.get(CHECKIN).context["door_edition"] == edition  # the current one, at first
    door_client.get(CHECKIN, {"edition": next_year.pk})
    assert door_client.get(CHECKIN).context["door_edition"] == next_year  # a bookmarked /checkin/ stays there

    organiser_client.get(reverse("admin:index"), {"edition": next_year.pk})  # the dashboard's switch
    assert organiser_client.get(CHECKIN).context["door_edition"] == next_year


NOT_A_BADGE = "Not a valid badge code: check the letters, or search by name."


@pytest.mark.parametrize(
    ("typed", "entered"),
    [
        ("K7QX-M4TC", "K7QX-M4TC"),  # well formed, nobody's
        ("k7qxm4tc", "K7QX-M4TC"),
        ("K7QX-M4T", "K7QX-M4T"),  # a character lost
        ("K7QX-M4TBB", "K7QX-M4TBB"),  # one too many
        ("K7QX-M40B", "K7QX-M40B"),  # a zero: never in a code
        ("WANGCHEN", "WANG-CHEN"),  # code-shaped, and no name matches
        ("https://wic.example.org/checkin/?code=K7QXM4TC", "K7QX-M4TC"),
        ("https://wic.example.org/checkin/?code=ZHANGWEI", "ZHANGWEI"),  # from a scanner: never a search
        (signing.dumps(1, salt="attendees.badge"), None),  # the long signed code badges used to carry
        ("MQ:1tAbCd:" + "x" * 43, "MQ:1tAbCd:xxxxxxxxxxxxx…"),
    ],
    ids=[
        "forged",
        "forged-lower-case",
        "too-short",
        "too-long",
        "zero",
        "no-such-name",
        "link",
        "link-with-a-word",
        "old-signed-code",
        "garbled-signed-code",
    ],
)
def test_what_looks_like_a_badge_code_but_is_none_is_not_a_valid_badge(door_client, edition, typed, entered):
    approved(edition, badge_code="K7QXM4TB", name="Zhang Wei")

    page = scan(door_client, typed, edition=edition)

    assert page.status_code == 200
    text = page.content.decode()
    assert NOT_A_BADGE in text
    assert "Nobody of this edition matches" not in text
    assert page.context["query"] == ""
    if entered is not None:
        assert page.context["result"]["entered"] == entered
    assert not Registration.objects.filter(status=RegistrationStatus.CHECKED_IN).exists()


@pytest.mark.parametrize("typed", ["wangchen", "WANG CHEN", "wang chen"])
def test_a_name_that_looks_like_a_badge_code_shows_the_matches(door_client, edition, typed):
    wang = approved(edition, name="Wang Chen", email="chen@example.cn")
    approved(edition, name="Li Wangchen", email="li@example.cn")

    response = door_client.post(CHECKIN, {"q": typed, "edition": edition.pk})
    page = door_client.get(response["Location"])

    text = page.content.decode()
    assert NOT_A_BADGE not in text
    assert page.context["query"] == typed
    if typed == "wangchen":
        assert [m["registration"].name for m in page.context["matches"]] == ["Li Wangchen"]
    else:
        assert [m["registration"] for m in page.context["matches"]] == [wang]
    assert not Registration.objects.filter(status=RegistrationStatus.CHECKED_IN).exists()


def test_a_search_that_is_not_code_shaped_finds_nobody_without_mentioning_codes(door_client, edition):
    approved(edition, name="Zhang Wei")

    response = door_client.post(CHECKIN, {"q": "Okonjo-Iweala", "edition": edition.pk})
    page = door_client.get(response["Location"])

    text = page.content.decode()
    assert "Nobody of this edition matches." in text
    assert NOT_A_BADGE not in text


@pytest.mark.parametrize(
    "data",
    [
        {"q": "\x00\x01'; DROP TABLE x; --"},
        {"q": "ü" * 5000},
        {"q": "%_%"},
        {"q": ":::"},
        {"q": ""},
        {"q": "   "},
        {},
        {"registration": "abc"},
        {"registration": "99999999"},
        {"registration": "9" * 40},
        {"registration": "²"},
        {"registration": ""},
        {"q": "x", "edition": "nope"},
        {"q": "x", "edition": "9" * 30},
        {"q": ["a", "b"], "edition": ["1", "2"]},
    ],
)
def test_garbage_never_breaks_the_page(door_client, edition, data):
    approved(edition)

    response = door_client.post(CHECKIN, data)

    assert response.status_code == 302
    assert door_client.get(response["Location"]).status_code == 200


@pytest.mark.parametrize("params", [{"q": "a" * 10000}, {"edition": "²"}, {"edition": "-1"}, {"format": "xml"}])
def test_garbage_in_the_address_never_breaks_the_page(door_client, edition, params):
    assert door_client.get(CHECKIN, params).status_code == 200


def test_a_nul_in_the_address_is_a_bad_request_not_an_error(door_client, edition):
    assert door_client.get(CHECKIN, {"q": "ngozi\x00"}).status_code == 400


def test_search_lists_matches_each_with_a_check_in_button(door_client, door, edition):
    ngozi = approved(edition, name="Ngozi Okafor", email="ngozi@au.int", organisation="African Union")
    approved(edition, name="Jonas Berg", email="jonas@example.org", organisation="Nordic Council")
    pending = approved(edition, name="Ngozi Adeyemi", status=RegistrationStatus.SUBMITTED)
    approved(EditionFactory(year=2030), name="Ngozi Okafor")  # another edition: not listed

    response = door_client.post(CHECKIN, {"q": "ngozi", "edition": edition.pk})
    assert response.status_code == 302
    page = door_client.get(response["Location"])

    matches = page.context["matches"]
    assert [m["registration"] for m in matches] == [pending, ngozi]
    assert [m["can_check_in"] for m in matches] == [False, True]
    text = page.content.decode()
    assert text.count('name="registration"') == 1
    assert "Submitted, awaiting approval" in text
    assert len(door_client.get(CHECKIN, {"q": "African"}).context["matches"]) == 1
    assert len(door_client.get(CHECKIN, {"q": "AU.INT"}).context["matches"]) == 0  # not by email at the door

    response = door_client.post(CHECKIN, {"registration": ngozi.pk, "edition": edition.pk})
    page = door_client.get(response["Location"])

    ngozi.refresh_from_db()
    assert ngozi.status == RegistrationStatus.CHECKED_IN
    assert f"Checked in at {shanghai_clock(ngozi)}" in page.content.decode()
    assert StatusChange.objects.get(registration=ngozi, new_status="checked_in").changed_by == door

    again = door_client.get(CHECKIN, {"q": "ngozi"})
    assert f"Checked in at {shanghai_clock(ngozi)}" in again.content.decode()
    assert again.content.decode().count('name="registration"') == 0


def test_the_outcome_is_shown_once(door_client, edition):
    scan(door_client, approved(edition).badge_code)
    assert door_client.get(CHECKIN).context["result"] is None


def test_counts_per_category_on_the_page_and_as_json(door_client, edition):
    for _ in range(3):
        approved(edition, category=DelegateCategory.GOVERNMENT)
    media = [approved(edition, category=DelegateCategory.MEDIA) for _ in range(2)]
    approved(edition, category=DelegateCategory.BUSINESS, status=RegistrationStatus.CANCELLED)
    approved(
        EditionFactory(year=2030),
        category=DelegateCategory.MEDIA,
        status=RegistrationStatus.CHECKED_IN,
        checked_in_at=timezone.now(),
    )
    scan(door_client, media[0].badge_code)

    page = door_client.get(CHECKIN)
    counts = {c.category: (c.checked_in, c.expected) for c in page.context["counts"]}
    assert counts == {"government": (0, 3), "media": (1, 2)}
    assert (page.context["total_checked_in"], page.context["total_expected"]) == (1, 5)
    assert page.context["counts_url"] in page.content.decode().replace("&amp;", "&")

    data = door_client.get(CHECKIN, {"edition": edition.pk, "format": "json"})
    assert data["Content-Type"] == "application/json"
    assert "no-store" in data["Cache-Control"]
    body = data.json()
    assert (body["edition"], body["checked_in"], body["expected"]) == (edition.pk, 1, 5)
    assert {c["category"]: (c["checked_in"], c["expected"]) for c in body["categories"]} == counts
    assert body["categories"][1]["label"] == "Media"


def test_the_form_posts_with_csrf(door, edition):
    client = Client(enforce_csrf_checks=True)
    client.force_login(door)
    registration = approved(edition)

    assert client.post(CHECKIN, {"q": registration.badge_code}).status_code == 403
    page = client.get(CHECKIN)
    token = page.cookies["csrftoken"].value
    assert 'name="csrfmiddlewaretoken"' in page.content.decode()
    assert "autofocus" in page.content.decode()
    response = client.post(CHECKIN, {"q": registration.badge_code, "csrfmiddlewaretoken": token})
    assert response.status_code == 302


def test_other_methods_are_not_allowed(door_client):
    assert door_client.put(CHECKIN).status_code == 405
