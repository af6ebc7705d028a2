"""Delegates in their language: the registration keeps the language it was made in, every email is written
in it (dates too) and links to the pages in it, which open in it. The name in Chinese characters:
test_chinese_name.py.

Assertions do not depend on our own Chinese catalogue: they look at the language the email was rendered in
(its `lang`), at dates written with Django's own Chinese month and weekday names, and at the links' prefix.
"""

import datetime as dt
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from agenda.enums import SessionStatus
from attendees import services, tokens
from attendees.enums import ChoiceStatus, RegistrationStatus
from attendees.models import Registration, SessionChoice
from tests.factories import EditionFactory, SessionFactory
from tests.factories.attendees import RegistrationFactory, delegate_data, open_registration

pytestmark = pytest.mark.django_db

# The site with its language prefix, as the delegate's links use it (see tests/attendees/urls_i18n.py).
with_language_prefix = pytest.mark.urls("tests.attendees.urls_i18n")


@pytest.fixture
def edition():
    return open_registration(EditionFactory(year=2031, name="2031 Wuzhen Summit"))


@pytest.fixture
def forum(edition):
    """Wednesday 19 November 2031, 14:00–16:00 in Wuzhen; one seat."""
    return SessionFactory(
        edition=edition,
        title="Cyberspace Forum",
        registration_required=True,
        capacity=1,
        start=dt.datetime(2031, 11, 19, 14, tzinfo=edition.zone),
        end=dt.datetime(2031, 11, 19, 16, tzinfo=edition.zone),
    )


def register_form(n=0, **overrides):
    return {**delegate_data(n), "consent": "on", **overrides}


def url_in(language, name, *args):
    with translation.override(language):
        return reverse(name, args=args)


def html_lang(html):
    return re.search(r'<html lang="([^"]+)"', html).group(1).lower()  # language tags ignore case


def link_path(text, settings):
    """The one self-service path in an email, checked to be an absolute address on SITE_URL."""
    urls = set(re.findall(r"https?://[^\s\"<>]+/registration/[^\s\"<>/]+/", text))
    assert len(urls) == 1, text
    url = urls.pop()
    assert url.startswith(settings.SITE_URL + "/")
    return url[len(settings.SITE_URL) :]


def emails_to(address):
    return [message for message in mail.outbox if message.to == [address]]


# -- the registration keeps its language ------------------------------------------------------------------


@with_language_prefix
def test_registering_on_the_chinese_pages_keeps_chinese_as_the_registration_language(client, edition):
    url = url_in("zh-hans", "attendees:register", edition.slug)

    response = client.post(url, register_form(1))

    assert url == f"/zh-hans/{edition.slug}/register/"
    assert response.status_code == 302
    assert Registration.objects.get().language == "zh-hans"


@with_language_prefix
def test_registering_on_the_english_pages_keeps_english_whatever_the_browser_prefers(client, edition):
    url = url_in("en", "attendees:register", edition.slug)

    client.post(url, register_form(1), HTTP_ACCEPT_LANGUAGE="zh-CN,zh;q=0.9")

    assert url == f"/{edition.slug}/register/"
    assert Registration.objects.get().language == "en"


@pytest.mark.parametrize(
    ("active", "given", "stored"),
    [("zh-hans", None, "zh-hans"), ("en", None, "en"), ("en", "zh-cn", "zh-hans"), ("zh-hans", "fr", "en")],
)
def test_the_service_stores_the_active_language_or_the_supported_one_given(edition, active, given, stored):
    with translation.override(active):
        registration = services.registration_create(edition=edition, data=delegate_data(1), language=given)

    assert Registration.objects.get(pk=registration.pk).language == stored


def test_registering_again_after_cancelling_takes_the_new_language(edition):
    first = services.registration_create(edition=edition, data=delegate_data(1), language="en")
    services.registration_cancel(registration=first)

    again = services.registration_create(edition=edition, data=delegate_data(1), language="zh-hans")

    assert again.pk == first.pk
    assert Registration.objects.get(pk=first.pk).language == "zh-hans"


def test_changing_details_on_the_personal_page_keeps_the_language(edition):
    registration = services.registration_create(edition=edition, data=delegate_data(1), language="zh-hans")

    with translation.override("en"):
        services.registration_update(registration=registration, data={"position": "Minister"}, session_ids=[])

    assert Registration.objects.get(pk=registration.pk).language == "zh-hans"


# -- emails in the delegate's language --------------------------------------------------------------------


@with_language_prefix
def test_the_received_email_of_a_chinese_registration_is_chinese_and_links_to_the_chinese_page(
    client, edition, forum, committed, settings
):
    url = url_in("zh-hans", "attendees:register", edition.slug)

    committed(client.post, url, register_form(1, name_zh="王海峰", sessions=[forum.pk]))

    message = mail.outbox[0]
    html = message.alternatives[0][0]
    assert html_lang(html) == "zh-hans"
    with translation.override("zh-hans"):
        assert message.subject == f"2031 Wuzhen Summit：{gettext('registration received')}"
        seat_held = str(ChoiceStatus.SEAT.label)
    assert "Cyberspace Forum，11月19日 星期三 14:00–16:00：" + seat_held in message.body
    assert "Cyberspace Forum，11月19日 星期三 14:00–16:00：<strong>" + seat_held in html
    assert "王海峰" in message.body
    path = link_path(message.body, settings)
    assert link_path(html, settings) == path
    assert path.startswith(f"/zh-hans/{edition.slug}/registration/")

    page = client.get(path)
    assert page.status_code == 200
    assert html_lang(page.content.decode()) == "zh-hans"
    assert "11月19日 星期三 14:00–16:00" in page.content.decode()


@with_language_prefix
def test_the_received_email_of_an_english_registration_keeps_todays_dates_and_addresses(
    client, edition, forum, committed, settings
):
    committed(client.post, url_in("en", "attendees:register", edition.slug), register_form(1, sessions=[forum.pk]))

    message = mail.outbox[0]
    assert message.subject == "2031 Wuzhen Summit: registration received"
    assert html_lang(message.alternatives[0][0]) == "en"
    assert "Dear Delegate 1," in message.body
    assert "Cyberspace Forum, Wed 19 Nov, 14:00–16:00: Seat held" in message.body
    assert link_path(message.body, settings).startswith(f"/{edition.slug}/registration/")


def _approve(registration, holder, forum):
    services.registration_approve(registration=registration)


def _reject(registration, holder, forum):
    services.registration_reject(registration=registration)


def _cancel(registration, holder, forum):
    services.registration_cancel(registration=registration)


def _update(registration, holder, forum):
    services.registration_update(registration=registration, data={"position": "Minister"}, session_ids=[forum.pk])


def _send_link(registration, holder, forum):
    services.registration_send_link(edition=registration.edition, email=registration.email)


def _notify_duplicate(registration, holder, forum):
    services.registration_notify_duplicate(registration=registration)


def _promote(registration, holder, forum):
    services.registration_cancel(registration=holder)  # frees the seat the Chinese delegate waits for


def _cancel_session(registration, holder, forum):
    forum.status = SessionStatus.CANCELLED
    forum.save()
    services.session_seats_changed(session_ids=[forum.pk])


EVERY_EMAIL = [
    (_approve, "registration approved"),
    (_reject, "registration not accepted"),
    (_cancel, "registration cancelled"),
    (_update, "registration updated"),
    (_send_link, "your registration link"),
    (_notify_duplicate, "you are already registered"),
    (_promote, "a seat is free for you"),
    (_cancel_session, "session cancelled"),
]


@with_language_prefix
@pytest.mark.parametrize(("change", "subject"), EVERY_EMAIL, ids=[change.__name__[1:] for change, _ in EVERY_EMAIL])
def test_every_email_is_written_in_the_delegates_language_whoever_sends_it(
    edition, forum, committed, settings, change, subject
):
    holder = services.registration_create(edition=edition, data=delegate_data(1), session_ids=[forum.pk], language="en")
    delegate = services.registration_create(
        edition=edition, data=delegate_data(2, name_zh="王海峰"), session_ids=[forum.pk], language="zh-hans"
    )
    assert SessionChoice.objects.get(registration=delegate).status == ChoiceStatus.WAITLIST

    with translation.override("en"):  # the organiser's pages, or the other delegate's, are in English
        committed(change, Registration.objects.get(pk=delegate.pk), holder, forum)

    [message] = emails_to(delegate.email)
    html = message.alternatives[0][0]
    with translation.override("zh-hans"):
        assert message.subject == f"2031 Wuzhen Summit：{gettext(subject)}"
    assert html_lang(html) == "zh-hans"
    assert link_path(message.body, settings).startswith(f"/zh-hans/{edition.slug}/registration/")
    assert link_path(html, settings).startswith(f"/zh-hans/{edition.slug}/registration/")
    for sent_to_holder in emails_to(holder.email):  # the English delegate hears in English, in the same change
        assert html_lang(sent_to_holder.alternatives[0][0]) == "en"
        assert link_path(sent_to_holder.body, settings).startswith(f"/{edition.slug}/registration/")


def test_the_session_cancelled_email_writes_the_session_time_in_chinese(edition, forum, committed):
    delegate = services.registration_create(
        edition=edition, data=delegate_data(2), session_ids=[forum.pk], language="zh-hans"
    )

    committed(_cancel_session, delegate, None, forum)

    [message] = mail.outbox
    assert "- Cyberspace Forum，11月19日 星期三 14:00–16:00\n" in message.body
    assert "<strong>Cyberspace Forum</strong>，11月19日 星期三 14:00–16:00" in message.alternatives[0][0]


@pytest.mark.parametrize(("language", "greeting"), [("en", "Wang Haifeng"), ("zh-hans", "王海峰")])
def test_an_email_greets_the_delegate_by_the_name_in_its_own_script(edition, committed, language, greeting):
    registration = RegistrationFactory(edition=edition, name="Wang Haifeng", name_zh="王海峰", language=language)

    committed(services.registration_send_link, edition=edition, email=registration.email)

    with translation.override(language):
        expected = gettext("Dear %(name)s,") % {"name": greeting}
    assert expected in mail.outbox[0].body


# -- the personal page and the badge ----------------------------------------------------------------------


@with_language_prefix
def test_the_personal_page_and_badge_open_in_chinese_from_a_chinese_link(client, edition):
    registration = RegistrationFactory(
        edition=edition, name="Wang Haifeng", name_zh="王海峰", language="zh-hans", status=RegistrationStatus.APPROVED
    )
    token = tokens.link_token(registration)
    manage = url_in("zh-hans", "attendees:manage", edition.slug, token)
    badge = url_in("zh-hans", "attendees:badge", edition.slug, token)

    page = client.get(manage)
    badge_page = client.get(badge)

    assert manage == f"/zh-hans/{edition.slug}/registration/{token}/"
    assert page.status_code == badge_page.status_code == 200
    assert html_lang(page.content.decode()) == "zh-hans"
    assert f'href="{badge}"' in page.content.decode()
    assert html_lang(badge_page.content.decode()) == "zh-hans"
    assert '<dd lang="zh-Hans">王海峰</dd>' in page.content.decode()
