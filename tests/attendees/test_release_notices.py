"""Telling delegates of a release: one email each, listing every change to the sessions they hold a place in."""

import datetime as dt

import pytest
from django.conf import settings
from django.core import mail

from agenda import services
from agenda.models import Session
from attendees import outbox
from attendees.enums import ChoiceStatus, RegistrationStatus
from attendees.models import Notification, SessionChoice
from tests.factories import EditionFactory, PersonFactory, RoomFactory, SessionFactory, SessionSpeakerFactory
from tests.factories.attendees import RegistrationFactory

pytestmark = pytest.mark.django_db


def at(edition, day, hour):
    return dt.datetime.combine(edition.start_date + dt.timedelta(days=day), dt.time(hour), tzinfo=edition.zone)


@pytest.fixture
def edition():
    return EditionFactory(slug="2024", name="2024 Wuzhen Summit", start_date=dt.date(2024, 11, 19))


@pytest.fixture
def forums(edition):
    room_a = RoomFactory(venue__edition=edition, name="Room A", name_zh_hans="会场 A")
    room_b = RoomFactory(venue=room_a.venue, name="Room B", name_zh_hans="会场 B")

    def forum(title, title_zh, day, hour):
        return SessionFactory(
            edition=edition,
            title=title,
            title_zh_hans=title_zh,
            room=room_a,
            start=at(edition, day, hour),
            end=at(edition, day, hour + 2),
            registration_required=True,
        )

    forums = {
        "moving": forum("Moving forum", "变动论坛", 1, 14),
        "renamed": forum("Data forum", "数据论坛", 1, 9),
        "steady": forum("Steady forum", "稳定论坛", 2, 9),
    }
    forums["room_b"] = room_b
    return forums


def holding(edition, *sessions, status=RegistrationStatus.APPROVED, language="en", **fields):
    registration = RegistrationFactory(edition=edition, status=status, language=language, **fields)
    for n, session in enumerate(sessions):
        SessionChoice.objects.create(
            registration=registration,
            session=session,
            status=ChoiceStatus.SEAT if n % 2 == 0 else ChoiceStatus.WAITLIST,
        )
    return registration


def move_and_rename(forums):
    moving = forums["moving"]
    moving.room, moving.start, moving.end = forums["room_b"], at(moving.edition, 2, 9), at(moving.edition, 2, 11)
    moving.save()
    Session.objects.filter(pk=forums["renamed"].pk).update(
        title_en="Data and trust forum", title_zh_hans="数据与信任论坛"
    )


def publish_and_send(edition, **notes):
    release = services.publish_release(edition=edition, **notes)
    mail.outbox.clear()
    outbox.drain()
    return release


def test_each_affected_delegate_gets_one_email_listing_all_their_changes(edition, forums):
    both = holding(edition, forums["moving"], forums["renamed"], forums["steady"])
    services.publish_release(edition=edition)
    move_and_rename(forums)

    publish_and_send(edition, note_en="Two forums changed.")

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [both.email]
    assert message.subject == "2024 Wuzhen Summit: programme changes"
    assert "Two forums changed." in message.body
    assert "Moved: Wed 20 Nov, 14:00–16:00, Room A → Thu 21 Nov, 09:00–11:00, Room B" in message.body
    assert "Renamed: “Data forum” → “Data and trust forum”" in message.body
    assert "Steady forum" not in message.body
    assert f"{settings.SITE_URL}/2024/changes/" in message.body
    assert f"{settings.SITE_URL}/2024/registration/" in message.body  # their personal page
    html = message.alternatives[0][0]
    assert "Room A → Thu 21 Nov, 09:00–11:00, Room B" in html


def test_a_delegate_is_told_only_of_their_own_sessions_in_their_own_language(edition, forums):
    waiting = holding(edition, forums["renamed"], language="zh-hans")
    waiting.choices.update(status=ChoiceStatus.WAITLIST)
    services.publish_release(edition=edition)
    move_and_rename(forums)

    publish_and_send(edition)

    [message] = mail.outbox
    assert message.to == [waiting.email]
    assert message.subject == "2024 Wuzhen Summit：日程变更"
    assert "“数据论坛” → “数据与信任论坛”" in message.body
    assert "变动论坛" not in message.body
    assert f"{settings.SITE_URL}/zh-hans/2024/changes/" in message.body


def test_delegates_of_unchanged_sessions_and_cancelled_registrations_get_nothing(edition, forums):
    holding(edition, forums["steady"])
    holding(edition, forums["moving"], status=RegistrationStatus.CANCELLED)
    holding(edition, forums["moving"], status=RegistrationStatus.REJECTED)
    services.publish_release(edition=edition)
    move_and_rename(forums)

    publish_and_send(edition)

    assert mail.outbox == []
    assert not Notification.objects.exists()


def test_the_first_release_emails_nobody(edition, forums):
    holding(edition, forums["moving"])
    publish_and_send(edition)
    assert mail.outbox == []


def test_the_emails_are_queued_not_sent_while_publishing(edition, forums):
    delegates = [holding(edition, forums["moving"], forums["renamed"]) for _ in range(3)]
    services.publish_release(edition=edition)
    move_and_rename(forums)
    mail.outbox.clear()

    release = services.publish_release(edition=edition)

    assert mail.outbox == []
    queued = Notification.objects.filter(kind="programme_changes")
    assert sorted(queued.values_list("registration_id", flat=True)) == sorted(d.pk for d in delegates)
    assert {n.payload["release"] for n in queued} == {release.pk}
    assert outbox.drain() == 3
    assert sorted(m.to[0] for m in mail.outbox) == sorted(d.email for d in delegates)


def test_a_delegate_who_cancelled_before_the_email_went_gets_nothing(edition, forums):
    delegate = holding(edition, forums["moving"])
    services.publish_release(edition=edition)
    move_and_rename(forums)
    services.publish_release(edition=edition)
    delegate.status = RegistrationStatus.CANCELLED
    delegate.save()

    mail.outbox.clear()
    outbox.drain()

    assert mail.outbox == []
    assert Notification.objects.get().sent_at is not None


def test_a_failed_send_is_retried_later(edition, forums, monkeypatch):
    holding(edition, forums["moving"])
    services.publish_release(edition=edition)
    move_and_rename(forums)
    services.publish_release(edition=edition)

    def refuse(*args, **kwargs):
        raise ConnectionRefusedError("mail server down")

    monkeypatch.setattr("django.core.mail.EmailMultiAlternatives.send", refuse)
    assert outbox.drain() == 0

    notification = Notification.objects.get()
    assert (notification.attempts, notification.sent_at) == (1, None)
    assert "mail server down" in notification.last_error


def test_speakers_changes_are_listed(edition, forums):
    holding(edition, forums["steady"])
    services.publish_release(edition=edition)
    SessionSpeakerFactory(session=forums["steady"], person=PersonFactory(edition=edition, name="Grace Hopper"))

    publish_and_send(edition)

    [message] = mail.outbox
    assert "Speakers: added: Grace Hopper" in message.body


def test_each_delegate_reads_the_note_in_their_language_else_the_english_one(edition, forums):
    english = holding(edition, forums["moving"])
    chinese = holding(edition, forums["moving"], language="zh-hans")
    services.publish_release(edition=edition)
    move_and_rename(forums)

    publish_and_send(edition, note_en="The moving forum moves to Thursday.", note_zh_hans="变动论坛改至星期四。")
    by_address = {message.to[0]: message for message in mail.outbox}

    assert "The moving forum moves to Thursday." in by_address[english.email].body
    assert "变动论坛改至星期四。" not in by_address[english.email].body
    assert "变动论坛改至星期四。" in by_address[chinese.email].body
    assert "The moving forum moves to Thursday." not in by_address[chinese.email].body
    html = by_address[chinese.email].alternatives[0][0]
    assert 'overflow-wrap: anywhere;">变动论坛改至星期四。</p>' in html  # no lang="en": it is Chinese

    # A later release with an English note only: the Chinese email carries it, marked as English.
    Session.objects.filter(pk=forums["moving"].pk).update(title_en="Moving forum, again")
    publish_and_send(edition, note_en="One more change.")
    [to_chinese] = [message for message in mail.outbox if message.to == [chinese.email]]
    assert "One more change." in to_chinese.body
    assert 'lang="en">One more change.</p>' in to_chinese.alternatives[0][0]


def test_html_in_a_note_reaches_the_delegate_as_typed(edition, forums):
    holding(edition, forums["moving"])
    services.publish_release(edition=edition)
    move_and_rename(forums)

    publish_and_send(edition, note_en="Rooms A & B <b>swap</b>\n<script>alert(1)</script>")

    [message] = mail.outbox
    assert "Rooms A & B <b>swap</b>\n<script>alert(1)</script>" in message.body  # the plain text as typed
    html = message.alternatives[0][0]
    assert "Rooms A &amp; B &lt;b&gt;swap&lt;/b&gt;<br>&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>" not in html
