"""A mail server that hangs: registrations and new-link requests answer at once, the emails follow later.

The mail server here is a real socket on localhost, spoken to by Django's SMTP backend: first it accepts
connections and never answers (a hung server), then it answers as an SMTP server does.
"""

import datetime as dt
import email
import email.policy
import re
import socketserver
import threading
import time

import pytest
from django.urls import reverse

from attendees import outbox, services
from attendees.models import Notification, Registration
from attendees.tokens import link_token
from tests.factories import EditionFactory
from tests.factories.attendees import delegate_data, open_registration

TIMEOUT = 3  # seconds: long enough that an email sent inside the request could not go unnoticed


class MailServer(socketserver.ThreadingTCPServer):
    """Hangs (accepts, then says nothing) until `answer()`; then speaks just enough SMTP to take emails."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), SMTPHandler)
        self.answering = threading.Event()
        self.stopping = threading.Event()
        self.connections = 0
        self.received = []

    @property
    def port(self):
        return self.server_address[1]

    def answer(self):
        self.answering.set()


class SMTPHandler(socketserver.StreamRequestHandler):
    def handle(self):
        server = self.server
        server.connections += 1
        if not server.answering.is_set():
            server.stopping.wait()  # hung: the client waits until its own timeout
            return
        self.say("220 localhost ESMTP")
        while line := self.rfile.readline():
            command = line.decode().strip().upper()
            if command.startswith(("EHLO", "HELO")):
                self.say("250 localhost")
            elif command.startswith(("MAIL", "RCPT", "RSET", "NOOP")):
                self.say("250 OK")
            elif command == "DATA":
                self.say("354 End data with <CR><LF>.<CR><LF>")
                data = b""
                while (chunk := self.rfile.readline()) not in (b".\r\n", b""):
                    data += chunk[1:] if chunk.startswith(b"..") else chunk
                server.received.append(email.message_from_bytes(data, policy=email.policy.default))
                self.say("250 Queued")
            elif command == "QUIT":
                self.say("221 Bye")
                return
            else:
                self.say("502 Not implemented")

    def say(self, text):
        self.wfile.write(f"{text}\r\n".encode())


@pytest.fixture
def mail_server(settings):
    server = MailServer()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS = "127.0.0.1", server.port, False
    settings.EMAIL_TIMEOUT = TIMEOUT
    yield server
    server.stopping.set()
    server.shutdown()
    server.server_close()


@pytest.fixture
def edition():
    return open_registration(EditionFactory(name="2031 Wuzhen Summit"))


def plain_text(message):
    return message.get_body(("plain",)).get_content()


def personal_path(text):
    return re.search(r"/\d+/registration/[^\s/]+/", text).group(0)


def wait_for_draining_threads():
    for thread in threading.enumerate():
        if thread.name == "outbox-drain":
            thread.join(timeout=TIMEOUT * 3)


@pytest.mark.django_db(transaction=True)
def test_a_hung_mail_server_neither_slows_nor_fails_a_registration_and_the_email_goes_later(
    client, settings, mail_server, edition
):
    settings.OUTBOX_SEND_AFTER_COMMIT = True  # as in production: a thread sends right after the commit
    form = {**delegate_data(1), "consent": "on"}

    began = time.monotonic()
    response = client.post(reverse("attendees:register", args=[edition.slug]), form)
    took = time.monotonic() - began

    assert response.status_code == 302
    assert response["Location"] == reverse("attendees:register_thanks", args=[edition.slug])
    assert took < TIMEOUT, f"the request waited on the mail server ({took:.1f} s)"
    registration = Registration.objects.get()
    assert registration.email == "delegate1@example.org"

    wait_for_draining_threads()  # the thread tried, and gave up after EMAIL_TIMEOUT
    notification = Notification.objects.get()
    assert mail_server.connections == 1 and mail_server.received == []
    assert (notification.kind, notification.attempts, notification.sent_at) == ("received", 1, None)
    assert "timed out" in notification.last_error

    mail_server.answer()
    assert outbox.drain(now=notification.due_at) == 1

    [message] = mail_server.received
    assert message["To"] == "delegate1@example.org"
    assert message["Subject"] == "2031 Wuzhen Summit: registration received"
    assert client.get(personal_path(plain_text(message))).context["registration"] == registration


@pytest.mark.django_db
def test_a_hung_mail_server_holds_the_drain_for_one_timeout_not_one_per_email(mail_server, edition, settings):
    settings.EMAIL_TIMEOUT = 1
    for n in range(3):
        services.registration_create(edition=edition, data=delegate_data(n))
    now = dt.datetime(2031, 1, 1, tzinfo=dt.UTC)
    Notification.objects.update(due_at=now)

    assert outbox.drain(now=now) == 0

    assert mail_server.connections == 1  # asked once, and waited once: not three times

    tried, *waiting = Notification.objects.order_by("pk")
    assert tried.attempts == 1 and tried.due_at == now + dt.timedelta(minutes=1)
    assert [(n.attempts, n.due_at, n.last_error) for n in waiting] == [(0, now + dt.timedelta(minutes=1), "")] * 2

    mail_server.answer()
    assert outbox.drain(now=now + dt.timedelta(minutes=1)) == 3
    assert sorted(message["To"] for message in mail_server.received) == [f"delegate{n}@example.org" for n in range(3)]


@pytest.mark.django_db
def test_a_new_link_asked_during_a_mail_outage_leaves_the_old_link_working_until_the_new_one_is_sent(
    client, mail_server, edition, settings
):
    settings.EMAIL_TIMEOUT = 0.5
    registration = services.registration_create(edition=edition, data=delegate_data(1))
    Notification.objects.update(sent_at=dt.datetime(2031, 1, 1, tzinfo=dt.UTC))  # the first email went out
    old = reverse("attendees:manage", args=[edition.slug, link_token(registration)])

    response = client.post(reverse("attendees:resend", args=[edition.slug]), {"email": "delegate1@example.org"})

    assert response.status_code == 302
    assert outbox.drain() == 0  # the mail server does not answer
    assert client.get(old).status_code == 200  # so the old link still works

    mail_server.answer()
    assert outbox.drain(now=Notification.objects.get(kind="link").due_at) == 1
    [message] = mail_server.received
    assert message["Subject"] == "2031 Wuzhen Summit: your registration link"
    new = personal_path(plain_text(message))
    assert client.get(new).status_code == 200
    assert client.get(old).status_code == 410  # replaced, now that the new one has been sent
