"""The self-service page behind the emailed link: who may open it, and what the delegate may change."""

import types

import pytest
from django.core import mail, signing
from django.urls import reverse

from agenda.enums import SessionStatus
from attendees import selectors, services, tokens
from attendees.enums import ChoiceStatus, RegistrationStatus
from attendees.models import Registration, SessionChoice
from tests.attendees.conftest import delegate_with_sessions
from tests.factories import EditionFactory, SessionFactory
from tests.factories.attendees import RegistrationFactory, delegate_data, open_registration

pytestmark = pytest.mark.django_db


def manage_url(registration, token=None):
    return reverse("attendees:manage", args=[registration.edition.slug, token or tokens.link_token(registration)])


def update_data(registration, sessions=(), **overrides):
    data = {
        "action": "update",
        "name": registration.name,
        "organisation": registration.organisation,
        "position": registration.position,
        "country": registration.country.code,
        "phone": registration.phone,
        "category": registration.category,
        "dietary_needs": registration.dietary_needs,
        "accessibility_needs": registration.accessibility_needs,
        "sessions": [str(pk) for pk in sessions],
    }
    data.update(overrides)
    return data


def flip(token, index):
    replacement = "A" if token[index] != "A" else "B"
    return token[:index] + replacement + token[index + 1 :]


@pytest.fixture
def edition():
    return open_registration(EditionFactory())


@pytest.fixture
def forum(edition):
    return SessionFactory(edition=edition, title="AI Governance Forum", capacity=2, registration_required=True)


@pytest.fixture
def register(edition):
    def register(n, sessions=(), **extra):
        return services.registration_create(edition=edition, data=delegate_data(n, **extra), session_ids=sessions)

    return register


def assert_private(response):
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]
    assert response["Referrer-Policy"] == "same-origin"
    # Its address holds the key: nothing on the page offers it for sharing.
    assert 'property="og:url"' not in response.content.decode()


def test_the_page_shows_status_history_details_and_sessions(client, register, forum):
    registration = register(1, sessions=[forum.pk], dietary_needs="Halal")

    response = client.get(manage_url(registration))

    assert response.status_code == 200
    page = response.content.decode()
    assert "Submitted, awaiting approval" in page
    assert "Delegate 1" in page and "delegate1@example.org" in page and "Kenya" in page and "Halal" in page
    assert "AI Governance Forum" in page and "Seat held" in page
    assert [change.new_status for change in response.context["history"]] == ["submitted"]
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert "Open my badge" not in page
    assert_private(response)


def test_the_history_shows_each_status_change_with_its_message(client, register):
    registration = register(1)
    services.registration_approve(registration=registration, message="Welcome to Wuzhen & enjoy")

    page = client.get(manage_url(registration)).content.decode()

    assert "Approved" in page
    assert "Welcome to Wuzhen &amp; enjoy" in page
    assert "Open my badge" in page


def test_a_waitlisted_delegate_sees_their_place_in_line(client, register, forum):
    register(1, sessions=[forum.pk])
    register(2, sessions=[forum.pk])
    register(3, sessions=[forum.pk])
    fourth = register(4, sessions=[forum.pk])

    page = client.get(manage_url(fourth)).content.decode()

    assert "Waiting list: number 2 in line" in page


@pytest.mark.parametrize("index", [0, 5, -1, -10])
def test_a_tampered_link_is_a_404(client, register, index):
    registration = register(1)
    token = tokens.link_token(registration)

    response = client.get(manage_url(registration, flip(token, index)))

    assert response.status_code == 404
    assert "Delegate 1" not in response.content.decode()
    assert_private(response)


@pytest.mark.parametrize("token", ["nonsense", "a:b:c", "..", "%C3%A9t%C3%A9", "x" * 500])
def test_a_made_up_link_is_a_404(client, edition, token):
    response = client.get(f"/{edition.slug}/registration/{token}/")

    assert response.status_code == 404


def test_a_link_only_opens_its_own_edition(client, register):
    registration = register(1)
    other = EditionFactory()

    response = client.get(reverse("attendees:manage", args=[other.slug, tokens.link_token(registration)]))

    assert response.status_code == 404


def test_a_link_replaced_by_a_newer_one_is_gone_with_a_way_to_get_a_new_one(
    client, edition, register, django_capture_on_commit_callbacks
):
    registration = register(1)
    old = manage_url(registration)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("attendees:resend", args=[edition.slug]), {"email": "DELEGATE1@example.org"})

    response = client.get(old)
    assert response.status_code == 410
    page = response.content.decode()
    assert "This link has been replaced" in page
    assert reverse("attendees:resend", args=[edition.slug]) in page
    assert "Delegate 1" not in page
    assert_private(response)
    assert client.get(manage_url(Registration.objects.get())).status_code == 200


def test_an_expired_link_is_a_404(client, register, monkeypatch):
    registration = register(1)
    token = tokens.link_token(registration)
    later = signing.time.time() + tokens.LINK_MAX_AGE + 60
    monkeypatch.setattr(signing, "time", types.SimpleNamespace(time=lambda: later))

    assert client.get(manage_url(registration, token)).status_code == 404


def test_a_link_just_inside_its_lifetime_still_works(client, register, monkeypatch):
    registration = register(1)
    token = tokens.link_token(registration)
    later = signing.time.time() + tokens.LINK_MAX_AGE - 60
    monkeypatch.setattr(signing, "time", types.SimpleNamespace(time=lambda: later))

    assert client.get(manage_url(registration, token)).status_code == 200


def test_the_delegate_edits_details(client, register, django_capture_on_commit_callbacks):
    registration = register(1)
    url = manage_url(registration)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url, update_data(registration, name="<i>Dr</i> Delegate", position="Minister", country="CN")
        )

    assert response.status_code == 302 and response["Location"] == f"{url}#notice"
    registration.refresh_from_db()
    assert (registration.name, registration.position, registration.country.code) == (
        "<i>Dr</i> Delegate",
        "Minister",
        "CN",
    )
    assert registration.email == "delegate1@example.org"
    assert [m.subject for m in mail.outbox] == [f"{registration.edition.name}: registration updated"]
    page = client.get(url).content.decode()
    assert "Your changes are saved" in page
    assert "&lt;i&gt;Dr&lt;/i&gt; Delegate" in page and "<i>Dr</i>" not in page


def test_the_email_address_cannot_be_changed_through_the_page(client, register):
    registration = register(1)
    register(2)

    client.post(manage_url(registration), update_data(registration, email="delegate2@example.org"))

    registration.refresh_from_db()
    assert registration.email == "delegate1@example.org"


def test_invalid_changes_are_refused_and_nothing_is_saved(client, register):
    registration = register(1)

    response = client.post(manage_url(registration), update_data(registration, name="", phone="x" * 41))

    assert response.status_code == 400
    assert set(response.context["update_form"].errors) == {"name", "phone"}
    assert "Please check the form" in response.content.decode()
    registration.refresh_from_db()
    assert registration.name == "Delegate 1"


def test_the_edit_form_is_prefilled(client, register, forum):
    registration = register(1, sessions=[forum.pk], phone="+254 700 000000")

    response = client.get(manage_url(registration))

    form = response.context["update_form"]
    assert form["name"].value() == "Delegate 1"
    assert form["country"].value() == "KE"
    assert form["phone"].value() == "+254 700 000000"
    assert [int(pk) for pk in form["sessions"].value()] == [forum.pk]
    assert "You have a seat" in response.content.decode()
    assert "email" not in form.fields


def test_adding_a_full_session_puts_the_delegate_on_its_waiting_list(client, edition, register, forum):
    register(1, sessions=[forum.pk])
    register(2, sessions=[forum.pk])
    late = register(3)

    response = client.post(manage_url(late), update_data(late, sessions=[forum.pk]))

    assert response.status_code == 302
    assert SessionChoice.objects.get(registration=late).status == ChoiceStatus.WAITLIST
    assert selectors.seats_taken([forum.pk]) == {forum.pk: 2}
    assert "Waiting list: number 1 in line" in client.get(manage_url(late)).content.decode()


def test_dropping_a_session_gives_the_seat_to_the_next_in_line_who_is_told(
    client, register, forum, django_capture_on_commit_callbacks
):
    first = register(1, sessions=[forum.pk])
    register(2, sessions=[forum.pk])
    waiting = register(3, sessions=[forum.pk])
    other = SessionFactory(edition=forum.edition, capacity=None, registration_required=True)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(manage_url(first), update_data(first, sessions=[other.pk]))

    assert list(first.choices.values_list("session_id", flat=True)) == [other.pk]
    assert SessionChoice.objects.get(registration=waiting, session=forum).status == ChoiceStatus.SEAT
    subjects = {(m.to[0], m.subject.split(": ", 1)[1]) for m in mail.outbox}
    assert subjects == {
        ("delegate1@example.org", "registration updated"),
        ("delegate3@example.org", "a seat is free for you"),
    }


def test_a_session_that_cannot_be_chosen_is_refused_on_the_page_too(client, register):
    registration = register(1)
    draft = SessionFactory(edition=registration.edition, registration_required=True, status=SessionStatus.DRAFT)
    elsewhere = SessionFactory(registration_required=True)

    for session in (draft, elsewhere):
        response = client.post(manage_url(registration), update_data(registration, sessions=[session.pk]))
        assert response.status_code == 400
        assert "cannot be registered for" in response.content.decode()
    assert not registration.choices.exists()


def test_cancelling_needs_the_confirmation(client, register):
    registration = register(1)

    response = client.post(manage_url(registration), {"action": "cancel"})

    assert response.status_code == 400
    assert "Tick the box to confirm" in response.content.decode()
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.SUBMITTED


def test_cancelling_promotes_the_next_waitlisted_delegate_who_gets_an_email(
    client, register, forum, django_capture_on_commit_callbacks
):
    first = register(1, sessions=[forum.pk])
    register(2, sessions=[forum.pk])
    waiting = register(3, sessions=[forum.pk])
    still_waiting = register(4, sessions=[forum.pk])
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(manage_url(first), {"action": "cancel", "confirm": "on"})

    assert response.status_code == 302
    first.refresh_from_db()
    assert first.status == RegistrationStatus.CANCELLED
    assert SessionChoice.objects.get(registration=waiting).status == ChoiceStatus.SEAT
    assert SessionChoice.objects.get(registration=still_waiting).status == ChoiceStatus.WAITLIST
    assert sorted((m.to[0], m.subject.split(": ", 1)[1]) for m in mail.outbox) == [
        ("delegate1@example.org", "registration cancelled"),
        ("delegate3@example.org", "a seat is free for you"),
    ]
    page = client.get(manage_url(first)).content.decode()
    assert "Your registration is cancelled" in page
    assert "Cancelled by the delegate." in page
    assert "Released" in page
    assert "Waiting list: number 1 in line" in client.get(manage_url(still_waiting)).content.decode()


@pytest.mark.parametrize("status", [RegistrationStatus.CANCELLED, RegistrationStatus.REJECTED])
def test_cancelled_and_rejected_registrations_are_read_only(client, edition, status):
    registration = RegistrationFactory(edition=edition, status=status)
    url = manage_url(registration)

    page = client.get(url)
    assert page.status_code == 200
    assert page.context["update_form"] is None and page.context["cancel_form"] is None
    assert 'name="action"' not in page.content.decode()

    for data in (update_data(registration, name="Changed"), {"action": "cancel", "confirm": "on"}):
        response = client.post(url, data)
        assert response.status_code == 409
        assert "can no longer be changed" in response.content.decode()
    registration.refresh_from_db()
    assert registration.status == status
    assert registration.name != "Changed"


def test_a_checked_in_delegate_may_edit_but_not_cancel(client, edition):
    registration = RegistrationFactory(
        edition=edition, status=RegistrationStatus.CHECKED_IN, checked_in_at=edition.registration_opens_at
    )

    page = client.get(manage_url(registration))
    assert page.context["update_form"] is not None and page.context["cancel_form"] is None
    assert client.post(manage_url(registration), {"action": "cancel", "confirm": "on"}).status_code == 409


def test_an_unknown_action_is_a_bad_request(client, register):
    registration = register(1)

    assert client.post(manage_url(registration), {"action": "delete-everything"}).status_code == 400
    assert client.post(manage_url(registration), {}).status_code == 400


@pytest.mark.parametrize("count", [1, 8])
def test_the_page_takes_as_many_queries_whatever_the_number_of_sessions_chosen(
    client, edition, django_assert_num_queries, count
):
    registration = delegate_with_sessions(edition, count)
    url = manage_url(registration)

    # The agenda adds three: the starred sessions' ids, the sessions themselves, and the ids of the sessions a
    # saved star may name (for the comparison with this browser's stars).
    with django_assert_num_queries(13):
        response = client.get(url)

    assert response.status_code == 200
    assert response.content.decode().count("Waiting list: number 1 in line") == (count + 1) // 2
