"""What delegates receive, sent through the public pages: both parts, and links that work when followed."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from attendees import services, tokens
from attendees.enums import RegistrationStatus
from attendees.models import Registration
from tests.factories import EditionFactory, SessionFactory
from tests.factories.attendees import delegate_data, open_registration

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition():
    return open_registration(EditionFactory(name="2031 Wuzhen Summit"))


@pytest.fixture
def send(django_capture_on_commit_callbacks):
    """Run a request and deliver the emails its transaction commits."""

    def send(call, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return call(*args, **kwargs)

    return send


def register_form(n=0, **overrides):
    return {**delegate_data(n), "consent": "on", **overrides}


def manage_path_in(text, settings):
    """The self-service path in an email, checked to be an absolute address on SITE_URL."""
    urls = re.findall(r"https?://[^\s\"<>]+/registration/[^\s\"<>/]+/", text)
    assert urls, text
    assert len(set(urls)) == 1
    assert urls[0].startswith(settings.SITE_URL + "/")
    return urls[0][len(settings.SITE_URL) :]


def test_the_received_email_has_text_and_html_parts_and_a_working_link(client, edition, send, settings):
    forum = SessionFactory(edition=edition, title="Cyberspace Forum", registration_required=True, capacity=10)

    send(client.post, reverse("attendees:register", args=[edition.slug]), register_form(1, sessions=[forum.pk]))

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["delegate1@example.org"]
    assert message.subject == "2031 Wuzhen Summit: registration received"
    assert "Dear Delegate 1," in message.body
    assert "Cyberspace Forum" in message.body and "Seat held" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert "Cyberspace Forum" in html and "<strong>Seat held</strong>" in html
    path = manage_path_in(message.body, settings)
    assert manage_path_in(html, settings) == path

    page = client.get(path)
    assert page.status_code == 200
    assert page.context["registration"] == Registration.objects.get()


def test_the_html_part_escapes_what_the_delegate_typed_and_the_text_part_keeps_it(client, edition, send):
    send(client.post, reverse("attendees:register", args=[edition.slug]), register_form(1, name="Tom & <Jerry>"))

    message = mail.outbox[0]
    assert "Dear Tom & <Jerry>," in message.body
    assert "Dear Tom &amp; &lt;Jerry&gt;," in message.alternatives[0][0]


def test_an_attempt_to_register_again_emails_the_owner_a_working_link(client, edition, send, settings):
    send(client.post, reverse("attendees:register", args=[edition.slug]), register_form(1))
    mail.outbox.clear()

    send(
        client.post, reverse("attendees:register", args=[edition.slug]), register_form(2, email="Delegate1@Example.org")
    )

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["delegate1@example.org"]
    assert message.subject == "2031 Wuzhen Summit: you are already registered"
    assert "Someone (probably you) tried to register again" in message.body
    assert "tried to register again" in message.alternatives[0][0]
    page = client.get(manage_path_in(message.body, settings))
    assert page.status_code == 200
    assert page.context["registration"].name == "Delegate 1"


def test_asking_for_a_new_link_answers_alike_for_known_and_unknown_addresses(client, edition, send, settings):
    services.registration_create(edition=edition, data=delegate_data(1))
    registration = Registration.objects.get()
    old_path = reverse("attendees:manage", args=[edition.slug, tokens.link_token(registration)])
    url = reverse("attendees:resend", args=[edition.slug])

    known = send(client.post, url, {"email": " DELEGATE1@example.org "})
    unknown = send(client.post, url, {"email": "nobody@example.org"})

    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    neutral = client.get(known["Location"]).content.decode()
    assert "If this address is registered, we have sent a new link to it." in neutral
    assert [m.to for m in mail.outbox] == [["delegate1@example.org"], ["nobody@example.org"]]
    message, told = mail.outbox
    assert told.subject == "2031 Wuzhen Summit: no registration under this address"
    assert "no registration is held under it" in told.body
    assert not re.search(r"/registration/(?!resend/)[^\s/]+/", told.body)  # no personal link in it
    assert message.subject == "2031 Wuzhen Summit: your registration link"
    assert "Links sent before this one no longer work." in message.body
    new_path = manage_path_in(message.body, settings)
    assert client.get(new_path).status_code == 200
    assert client.get(old_path).status_code == 410


def test_a_bad_address_on_the_resend_page_is_a_form_error(client, edition):
    response = client.post(reverse("attendees:resend", args=[edition.slug]), {"email": "not an address"})

    assert response.status_code == 200
    assert "email" in response.context["form"].errors
    assert mail.outbox == []


def test_changes_and_cancellation_through_the_page_are_confirmed_by_email(client, edition, send, settings):
    forum = SessionFactory(edition=edition, title="Data Forum", registration_required=True, capacity=1)
    registration = services.registration_create(edition=edition, data=delegate_data(1), session_ids=[forum.pk])
    waiting = services.registration_create(edition=edition, data=delegate_data(2), session_ids=[forum.pk])
    path = reverse("attendees:manage", args=[edition.slug, tokens.link_token(registration)])
    data = {**delegate_data(1), "action": "update", "position": "Chief Data Officer", "sessions": []}
    del data["email"]

    send(client.post, path, data)
    updated = mail.outbox[-2:]
    assert sorted(m.subject for m in updated) == [
        "2031 Wuzhen Summit: a seat is free for you",
        "2031 Wuzhen Summit: registration updated",
    ]
    promoted = next(m for m in updated if "seat is free" in m.subject)
    assert promoted.to == [waiting.email]
    assert "a seat has become free in “Data Forum”" in promoted.body
    assert client.get(manage_path_in(promoted.body, settings)).context["registration"] == waiting

    mail.outbox.clear()
    send(client.post, path, {"action": "cancel", "confirm": "on"})
    assert [m.subject for m in mail.outbox] == ["2031 Wuzhen Summit: registration cancelled"]
    assert client.get(manage_path_in(mail.outbox[0].body, settings)).context["registration"].status == (
        RegistrationStatus.CANCELLED
    )


def test_the_approval_email_gives_the_badge_code_the_desk_can_type(edition, send):
    registration = services.registration_create(edition=edition, data=delegate_data(3))
    mail.outbox.clear()

    send(services.registration_approve, registration=registration)

    [message] = mail.outbox
    assert f"Your badge code is {registration.printed_badge_code}" in message.body
    assert f"<strong>{registration.printed_badge_code}</strong>" in message.alternatives[0][0]


def test_session_times_in_emails_say_their_time_zone(client, edition, send):
    forum = SessionFactory(edition=edition, title="Cyberspace Forum", registration_required=True)

    send(client.post, reverse("attendees:register", args=[edition.slug]), register_form(4, sessions=[forum.pk]))

    [message] = mail.outbox
    start = forum.start.astimezone(edition.zone)
    assert "Your sessions (Wuzhen time, UTC+8):" in message.body
    assert f"Cyberspace Forum, {start:%a} {start.day} {start:%b}, 09:00–11:00: Seat held" in message.body


def test_a_cancellation_says_the_delegate_may_register_again(edition, send):
    registration = services.registration_create(edition=edition, data=delegate_data(5))
    mail.outbox.clear()

    send(services.registration_cancel, registration=registration)

    [message] = mail.outbox
    assert "register again with this email address while registration is open" in message.body
