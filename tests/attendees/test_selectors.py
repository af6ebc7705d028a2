"""Reads: seats and waiting lists, the delegate's own sessions, the door's search, whether one may register."""

import datetime as dt

import pytest
from django.utils import timezone

from attendees import selectors, services
from attendees.enums import ChoiceStatus
from tests.attendees.conftest import consecutive_sessions, delegate_with_sessions
from tests.factories import EditionFactory, SessionFactory
from tests.factories.attendees import RegistrationFactory, delegate_data, open_registration

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition():
    return open_registration(EditionFactory())


def register(edition, n, *sessions):
    return services.registration_create(edition=edition, data=delegate_data(n), session_ids=[s.pk for s in sessions])


# -- seats ----------------------------------------------------------------------------------------


def test_seats_and_waiting_lists_count_active_registrations_only(edition):
    forum = SessionFactory(edition=edition, registration_required=True, capacity=2)
    empty = consecutive_sessions(edition, 1, capacity=2)[0]
    first, _second, _third, fourth = (register(edition, n, forum) for n in range(1, 5))
    services.registration_cancel(registration=first)  # its seat goes to the third
    services.registration_reject(registration=fourth)

    assert selectors.seats_taken([forum.pk, empty.pk]) == {forum.pk: 2, empty.pk: 0}
    assert selectors.waitlist_counts([forum.pk, empty.pk]) == {forum.pk: 0, empty.pk: 0}


def test_the_waiting_line_is_in_order_of_request(edition):
    forum = SessionFactory(edition=edition, registration_required=True, capacity=1)
    for n in range(1, 4):
        register(edition, n, forum)

    assert [choice.registration.name for choice in selectors.waiting_in_line(forum)] == ["Delegate 2", "Delegate 3"]


# -- the delegate's own sessions ------------------------------------------------------------------


def test_chosen_sessions_come_in_time_order_with_each_place_in_line(edition):
    morning, noon, afternoon = consecutive_sessions(edition, 3, capacity=1)
    register(edition, 1, morning, noon)
    register(edition, 2, noon)
    delegate = register(edition, 3, afternoon, noon, morning)

    chosen = selectors.chosen_sessions(registration=delegate)

    assert [(row.session, row.choice.status, row.position) for row in chosen] == [
        (morning, ChoiceStatus.WAITLIST, 1),
        (noon, ChoiceStatus.WAITLIST, 2),
        (afternoon, ChoiceStatus.SEAT, None),
    ]


def test_a_place_in_line_moves_up_when_someone_ahead_leaves(edition):
    forum = SessionFactory(edition=edition, registration_required=True, capacity=1)
    _seated, ahead, delegate = (register(edition, n, forum) for n in range(1, 4))

    services.registration_cancel(registration=ahead)

    assert [row.position for row in selectors.chosen_sessions(registration=delegate)] == [1]


def test_a_cancelled_registration_lists_its_sessions_without_places(edition):
    forum = SessionFactory(edition=edition, registration_required=True, capacity=1)
    register(edition, 1, forum)
    delegate = services.registration_cancel(registration=register(edition, 2, forum))

    assert [(row.session, row.position) for row in selectors.chosen_sessions(registration=delegate)] == [(forum, None)]


@pytest.mark.parametrize("count", [1, 8])
def test_chosen_sessions_take_one_query_however_many(edition, django_assert_num_queries, count):
    delegate = delegate_with_sessions(edition, count)

    with django_assert_num_queries(1):
        chosen = selectors.chosen_sessions(registration=delegate)
        rooms = [row.session.room.name for row in chosen]

    assert len(rooms) == count
    assert [row.position for row in chosen] == [1 if n % 2 == 0 else None for n in range(count)]


# -- the door's search ----------------------------------------------------------------------------


def test_search_finds_name_organisation_and_email_only_when_asked(edition):
    wang = RegistrationFactory(edition=edition, name="Wang Chen", email="w.chen@example.org", organisation="CAC")
    RegistrationFactory(edition=edition, name="Ana Silva", email="ana@example.org", organisation="Anatel")
    RegistrationFactory(edition=EditionFactory(), name="Wang Chen", email="other@example.org")

    assert selectors.search_registrations(edition, "wang") == [wang]
    assert selectors.search_registrations(edition, "cac") == [wang]
    assert selectors.search_registrations(edition, "w.chen@") == [wang]
    assert selectors.search_registrations(edition, "w.chen@", by_email=False) == []
    assert selectors.search_registrations(edition, "w") == []  # too short to search


# -- registering ----------------------------------------------------------------------------------


def test_the_window_says_why_one_cannot_register(edition):
    now = timezone.now()
    before = now - dt.timedelta(days=2)
    after = now + dt.timedelta(days=40)

    assert selectors.registration_window_problem(edition=edition, now=now) is None
    assert selectors.registration_window_problem(edition=edition, now=before) == "Registration is not open yet."
    assert selectors.registration_window_problem(edition=edition, now=after) == "Registration has closed."


def test_an_address_is_found_whatever_its_case(edition):
    registration = register(edition, 1)

    assert list(selectors.registrations_with_email(edition=edition, email=" Delegate1@Example.ORG ")) == [registration]
    assert list(selectors.registrations_with_email(edition=EditionFactory(), email="delegate1@example.org")) == []
