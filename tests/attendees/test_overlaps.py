"""A delegate holds a place in one session at a time: overlapping sessions are refused at every door."""

import datetime as dt
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from attendees import services
from attendees.enums import ChoiceStatus
from attendees.models import Registration
from attendees.tokens import link_token
from tests.factories import EditionFactory, SessionFactory
from tests.factories.attendees import delegate_data, open_registration

pytestmark = pytest.mark.django_db


def at(edition, hour, minute=0, day=0):
    return dt.datetime.combine(edition.start_date + dt.timedelta(days=day), dt.time(hour, minute), tzinfo=edition.zone)


@pytest.fixture
def edition():
    return open_registration(EditionFactory(start_date=dt.date(2031, 11, 19), end_date=dt.date(2031, 11, 22)))


@pytest.fixture
def morning(edition):
    return SessionFactory(
        edition=edition, title="AI governance", start=at(edition, 9), end=at(edition, 11), registration_required=True
    )


@pytest.fixture
def late_morning(edition):
    return SessionFactory(
        edition=edition,
        title="Data <b>flows</b>",
        start=at(edition, 10, 30),
        end=at(edition, 12),
        registration_required=True,
    )


@pytest.fixture
def afternoon(edition):
    return SessionFactory(
        edition=edition, title="Digital economy", start=at(edition, 11), end=at(edition, 13), registration_required=True
    )


def form_data(n=0, sessions=(), **overrides):
    data = {**delegate_data(n), "consent": "on", "phone": "", "dietary_needs": "", "accessibility_needs": ""}
    data["sessions"] = [str(session.pk) for session in sessions]
    data.update(overrides)
    return data


def test_the_register_form_refuses_overlapping_sessions_naming_both_and_keeps_the_input(
    client, edition, morning, late_morning
):
    response = client.post(
        reverse("attendees:register", args=[edition.slug]), form_data(1, [morning, late_morning], position="Envoy")
    )

    assert response.status_code == 200
    html = response.content.decode()
    expected = "“AI governance” (Wed 19 Nov, 09:00–11:00) and “Data &lt;b&gt;flows&lt;/b&gt;” (Wed 19 Nov, 10:30–12:00)"
    assert f"{expected} overlap" in html
    assert 'value="Envoy"' in html
    assert re.search(rf'name="sessions" value="{morning.pk}"[^>]*checked', html)
    assert re.search(rf'name="sessions" value="{late_morning.pk}"[^>]*checked', html)
    assert Registration.objects.count() == 0


def test_sessions_that_only_touch_do_not_overlap(client, edition, morning, afternoon):
    response = client.post(reverse("attendees:register", args=[edition.slug]), form_data(1, [morning, afternoon]))

    assert response.status_code == 302
    registration = Registration.objects.get()
    assert sorted(registration.choices.values_list("session__title", flat=True)) == ["AI governance", "Digital economy"]


def test_the_service_refuses_overlaps_so_no_other_door_can_create_them(edition, morning, late_morning):
    with pytest.raises(ValidationError) as caught:
        services.registration_create(edition=edition, data=delegate_data(1), session_ids=[morning.pk, late_morning.pk])

    assert "overlap" in caught.value.message_dict["sessions"][0]
    assert Registration.objects.count() == 0


def test_a_full_session_still_counts_as_a_place_and_cannot_overlap(edition, morning, late_morning):
    morning.capacity = 0
    morning.save()
    with pytest.raises(ValidationError):
        services.registration_create(edition=edition, data=delegate_data(1), session_ids=[morning.pk, late_morning.pk])


def test_self_service_refuses_adding_an_overlapping_session_and_changes_nothing(client, edition, morning, late_morning):
    registration = services.registration_create(edition=edition, data=delegate_data(1), session_ids=[morning.pk])
    url = reverse("attendees:manage", args=[edition.slug, link_token(registration)])
    data = {
        "action": "update",
        "name": "Delegate One Renamed",
        "organisation": registration.organisation,
        "position": registration.position,
        "country": "KE",
        "phone": "",
        "category": registration.category,
        "dietary_needs": "",
        "accessibility_needs": "",
        "sessions": [str(morning.pk), str(late_morning.pk)],
    }

    response = client.post(url, data)

    assert response.status_code == 400
    html = response.content.decode()
    assert "“AI governance” (Wed 19 Nov, 09:00–11:00)" in html and "overlap" in html
    assert 'value="Delegate One Renamed"' in html
    registration.refresh_from_db()
    assert registration.name == "Delegate 1"
    assert list(registration.choices.values_list("session_id", "status")) == [(morning.pk, ChoiceStatus.SEAT)]


def test_the_service_refuses_an_overlapping_change(edition, morning, late_morning):
    registration = services.registration_create(edition=edition, data=delegate_data(1), session_ids=[morning.pk])

    with pytest.raises(ValidationError):
        services.registration_update(registration=registration, data={}, session_ids=[morning.pk, late_morning.pk])

    assert list(registration.choices.values_list("session_id", flat=True)) == [morning.pk]


def test_swapping_one_session_for_an_overlapping_one_is_allowed(edition, morning, late_morning):
    registration = services.registration_create(edition=edition, data=delegate_data(1), session_ids=[morning.pk])

    services.registration_update(registration=registration, data={}, session_ids=[late_morning.pk])

    assert list(registration.choices.values_list("session_id", flat=True)) == [late_morning.pk]


def test_times_in_the_message_are_in_the_edition_zone_not_utc(edition):
    berlin = open_registration(
        EditionFactory(time_zone="Europe/Berlin", start_date=dt.date(2032, 3, 1), end_date=dt.date(2032, 3, 2))
    )
    first = SessionFactory(
        edition=berlin, title="One", start=at(berlin, 9), end=at(berlin, 10), registration_required=True
    )
    second = SessionFactory(
        edition=berlin, title="Two", start=at(berlin, 9, 30), end=at(berlin, 11), registration_required=True
    )

    with pytest.raises(ValidationError) as caught:
        services.registration_create(edition=berlin, data=delegate_data(2), session_ids=[first.pk, second.pk])

    assert (
        "“One” (Mon 1 Mar, 09:00–10:00) and “Two” (Mon 1 Mar, 09:30–11:00)" in caught.value.message_dict["sessions"][0]
    )
