"""Where to register: session pages and the edition home say it while registration is open, and why not when
it is not; seats and the window change without a programme change, and the cached pages follow them."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.utils import timezone

from agenda.access import published_editions_key
from agenda.models import Edition
from attendees.services import registration_create
from tests.factories import SessionFactory
from tests.factories.attendees import delegate_data, open_registration

pytestmark = pytest.mark.django_db


def text(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def forum(edition, **kwargs):
    kwargs.setdefault("capacity", 12)
    return SessionFactory(
        edition=edition, title="AI governance forum", slug="ai-governance", registration_required=True, **kwargs
    )


def register(edition, n, *sessions):
    return registration_create(edition=edition, data=delegate_data(n), session_ids=[s.pk for s in sessions])


def without_programme_change(edition, **fields):
    """Change the registration window as time passing would: no save, so no programme version bump.

    Time passing leaves the edition's fields as they are; an update does not, so the published editions the
    pages read without a query are forgotten here.
    """
    Edition.objects.filter(pk=edition.pk).update(**fields)
    cache.delete(published_editions_key())


def test_session_page_shows_seats_left_and_a_register_button_while_registration_is_open(client, upcoming_edition):
    open_registration(upcoming_edition)
    session = forum(upcoming_edition)
    register(upcoming_edition, 1, session)

    page = text(client.get("/upcoming/sessions/ai-governance/"))

    assert "11 seats left" in page
    assert 'href="/upcoming/register/?session=ai-governance">Register</a>' in page
    assert "not open yet" not in page


def test_session_page_follows_seats_without_a_programme_change(client, upcoming_edition):
    open_registration(upcoming_edition)
    session = forum(upcoming_edition, capacity=1)

    before = client.get("/upcoming/sessions/ai-governance/")
    register(upcoming_edition, 1, session)
    full = text(client.get("/upcoming/sessions/ai-governance/"))
    register(upcoming_edition, 2, session)
    waiting = text(client.get("/upcoming/sessions/ai-governance/"))

    assert "1 seat left" in text(before)
    assert "Full — join the waiting list" in full and "seat left" not in full
    assert "1 delegate waiting" in waiting
    assert client.get("/upcoming/sessions/ai-governance/", HTTP_IF_NONE_MATCH=before["ETag"]).status_code == 200


def test_session_page_without_a_capacity_shows_no_seat_count(client, upcoming_edition):
    open_registration(upcoming_edition)
    forum(upcoming_edition, capacity=None)

    page = text(client.get("/upcoming/sessions/ai-governance/"))

    assert "seats left" not in page and "seat left" not in page and "Full" not in page
    assert 'href="/upcoming/register/?session=ai-governance">Register</a>' in page


def test_session_page_says_when_registration_opens_and_follows_the_window(client, upcoming_edition):
    opens = timezone.now() + dt.timedelta(days=10)
    without_programme_change(upcoming_edition, registration_opens_at=opens)
    forum(upcoming_edition)

    not_yet = text(client.get("/upcoming/sessions/ai-governance/"))
    without_programme_change(upcoming_edition, registration_opens_at=timezone.now() - dt.timedelta(minutes=1))
    opened = text(client.get("/upcoming/sessions/ai-governance/"))
    without_programme_change(upcoming_edition, registration_closes_at=timezone.now() - dt.timedelta(seconds=1))
    closed = text(client.get("/upcoming/sessions/ai-governance/"))

    local = timezone.localtime(opens, upcoming_edition.zone)
    assert (
        "Registration is not open yet." in not_yet
        and f"It opens on {local:%A} {local.day} {local:%B %Y, %H:%M}" in not_yet
    )
    assert "/upcoming/register/" not in not_yet.split('id="main"')[1]
    assert "12 seats left" in opened and 'href="/upcoming/register/?session=ai-governance">Register</a>' in opened
    assert "Registration has closed." in closed and "seats left" not in closed


def test_session_page_says_when_the_opening_is_not_announced_or_the_edition_is_full(client, upcoming_edition):
    forum(upcoming_edition)
    unannounced = text(client.get("/upcoming/sessions/ai-governance/"))
    open_registration(upcoming_edition, registration_cap=1)
    register(upcoming_edition, 1)
    cache.clear()

    full = text(client.get("/upcoming/sessions/ai-governance/"))

    assert "Registration is not open yet." in unannounced and "have not announced when it opens" in unannounced
    assert "Registration is full." in full and "seats left" not in full


def test_session_page_of_a_past_edition_never_invites_registration(client, edition):
    open_registration(edition)  # a window left open after the summit, as the demo's 2024 edition has
    forum(edition)

    page = text(client.get("/2024/sessions/ai-governance/"))
    main = page.split('id="main"')[1]

    assert "This session was for registered delegates. It had 12 seats." in main
    assert "/2024/register/" not in main and "seats left" not in main and "not open yet" not in main


def test_home_shows_a_register_call_to_action_only_while_registration_is_open(client, upcoming_edition):
    upcoming_edition.is_current = True
    upcoming_edition.save()
    cta = 'href="/upcoming/register/">Register as a delegate</a>'

    closed = text(client.get("/upcoming/"))
    without_programme_change(upcoming_edition, registration_opens_at=timezone.now() - dt.timedelta(days=1))
    opened = text(client.get("/upcoming/"))
    current = text(client.get("/"))

    assert cta not in closed
    assert cta in opened and cta in current


def test_home_of_a_past_edition_never_invites_registration(client, edition):
    open_registration(edition)

    page = text(client.get("/2024/"))

    assert "Took place 19–22 November 2024 in Wuzhen" in page
    assert "Register as a delegate" not in page and "not open yet" not in page


def test_cached_session_page_and_home_take_a_fixed_number_of_queries(
    client, upcoming_edition, django_assert_num_queries
):
    open_registration(upcoming_edition, registration_cap=100)
    session = forum(upcoming_edition)
    register(upcoming_edition, 1, session)
    client.get("/upcoming/sessions/ai-governance/")
    client.get("/upcoming/")

    # The delegate count against the cap, the session, its seats and its waiting list (the edition is cached).
    with django_assert_num_queries(4):
        assert "11 seats left" in text(client.get("/upcoming/sessions/ai-governance/"))
    # The delegate count against the cap.
    with django_assert_num_queries(1):
        text(client.get("/upcoming/"))

    without_programme_change(upcoming_edition, registration_opens_at=None)
    client.get("/upcoming/sessions/ai-governance/")
    # Registration not open: none (the edition was read once, by the request before).
    with django_assert_num_queries(0):
        text(client.get("/upcoming/sessions/ai-governance/"))
