"""The delegate's agenda: the private calendar feed, its address, and the stars saved from the personal page."""

import datetime as dt
import json
import re
from html import unescape

import icalendar
import pytest
from django.urls import reverse

from agenda import services as agenda_services
from agenda.enums import SessionStatus
from attendees import selectors, services, tokens
from attendees.enums import ChoiceStatus, RegistrationStatus
from attendees.models import Registration, SessionChoice
from tests.factories import EditionFactory, SessionFactory
from tests.factories.attendees import RegistrationFactory, delegate_data, open_registration

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition():
    return open_registration(EditionFactory(year=2031, name="2031 Wuzhen Summit"))


def at(edition, hour, day=0):
    return dt.datetime.combine(edition.start_date + dt.timedelta(days=day), dt.time(hour), tzinfo=edition.zone)


def session(edition, title, hour, day=0, **fields):
    return SessionFactory(
        edition=edition, title=title, start=at(edition, hour, day), end=at(edition, hour + 1, day), **fields
    )


@pytest.fixture
def delegate(edition):
    """A seat in the opening, a waiting place in the full data forum, and the youth forum starred."""
    opening = session(edition, "Opening ceremony", 9, registration_required=True)
    data_forum = session(edition, "Data flows forum", 11, registration_required=True, capacity=1)
    youth = session(edition, "Youth forum", 14, day=1)
    session(edition, "Forum nobody chose", 16)
    services.registration_create(edition=edition, data=delegate_data(1), session_ids=[data_forum.pk])
    registration = services.registration_create(
        edition=edition, data=delegate_data(2), session_ids=[opening.pk, data_forum.pk]
    )
    registration.starred_sessions.add(youth)
    return registration


def calendar_url(registration, key=None, edition_slug=None):
    return reverse(
        "attendees:calendar", args=[edition_slug or registration.edition.slug, key or registration.calendar_key]
    )


def manage_url(registration):
    return reverse("attendees:manage", args=[registration.edition.slug, tokens.link_token(registration)])


def text_of(html):
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def events(response):
    assert response.status_code == 200, response.status_code
    calendar = icalendar.Calendar.from_ical(response.content)
    return {str(event["summary"]): event for event in calendar.walk("VEVENT")}


def test_the_feed_lists_seats_waiting_places_and_stars_and_nothing_else(client, delegate):
    response = client.get(calendar_url(delegate))

    found = events(response)
    assert sorted(found) == ["Opening ceremony", "Waiting list: Data flows forum", "Youth forum"]
    waiting = found["Waiting list: Data flows forum"]
    assert "You are on the waiting list (number 1 in line)" in str(waiting["description"])
    assert str(waiting["transp"]) == "TRANSPARENT"
    assert str(found["Opening ceremony"]["status"]) == "CONFIRMED"
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "private" in response["Cache-Control"] and "public" not in response["Cache-Control"]
    assert not response.cookies
    assert b"X-WR-CALNAME:2031 Wuzhen Summit: my agenda" in response.content


def test_a_moved_session_moves_in_the_feed(client, delegate, edition):
    before = events(client.get(calendar_url(delegate)))["Opening ceremony"]
    assert before["dtstart"].dt == at(edition, 9)

    opening = delegate.sessions.get(title="Opening ceremony")
    opening.start, opening.end = at(edition, 15, day=2), at(edition, 16, day=2)
    opening.save()

    after = events(client.get(calendar_url(delegate)))["Opening ceremony"]
    assert after["dtstart"].dt == at(edition, 15, day=2) and after["dtend"].dt == at(edition, 16, day=2)
    assert after["uid"] == before["uid"]  # the same event, moved: not a second one


def test_a_cancelled_session_stays_in_the_feed_marked_cancelled(client, delegate, edition):
    opening = delegate.sessions.get(title="Opening ceremony")
    youth = delegate.starred_sessions.get()

    # Cancelled by the organisers: the seat is released, the session stays on the delegate's agenda.
    agenda_services.sessions_set_status(sessions=[opening, youth], status=SessionStatus.CANCELLED)

    found = events(client.get(calendar_url(delegate)))
    assert str(found["Cancelled: Opening ceremony"]["status"]) == "CANCELLED"
    assert str(found["Cancelled: Youth forum"]["status"]) == "CANCELLED"
    page = client.get(manage_url(delegate)).content.decode()
    assert page.count('<span class="seat-note seat-cancelled">Cancelled</span>') == 2


def test_a_draft_session_is_not_in_the_feed(client, delegate):
    draft = session(delegate.edition, "Draft forum", 17, status=SessionStatus.DRAFT)
    delegate.starred_sessions.add(draft)

    assert "Draft forum" not in events(client.get(calendar_url(delegate)))


def test_a_tampered_key_another_editions_address_and_an_inactive_registration_are_404(client, delegate):
    key = delegate.calendar_key
    other = EditionFactory(year=2032)

    assert client.get(calendar_url(delegate, key=key[:-1] + ("A" if key[-1] != "A" else "B"))).status_code == 404
    assert client.get(calendar_url(delegate, key="x" * 32)).status_code == 404
    assert client.get(calendar_url(delegate, edition_slug=other.slug)).status_code == 404

    services.registration_cancel(registration=delegate)
    assert client.get(calendar_url(delegate)).status_code == 404


def renew_url(registration, token=None):
    token = token or tokens.link_token(registration)
    return reverse("attendees:calendar_renew", args=[registration.edition.slug, token])


def test_the_personal_page_asks_before_issuing_a_new_address(client, delegate):
    token = tokens.link_token(delegate)
    page = client.get(reverse("attendees:manage", args=[delegate.edition.slug, token])).content.decode()
    question = client.get(renew_url(delegate, token))

    # The personal page only links to the question: nothing is issued by that click.
    assert re.search(rf'<a class="btn btn-sm btn-outline-danger" href="{re.escape(renew_url(delegate, token))}">', page)
    assert 'value="new_calendar"' not in page
    assert question.status_code == 200
    text = text_of(question.content.decode())
    assert "Issue a new calendar address?" in text
    assert "stops working at once, in every calendar subscribed to it" in text
    assert f"http://testserver{calendar_url(delegate)}" in text  # the address that will stop working
    assert "Yes, issue a new address" in text and "No, keep the current address" in text
    assert "no-store" in question["Cache-Control"] and question["X-Robots-Tag"] == "noindex, nofollow"
    assert Registration.objects.get(pk=delegate.pk).calendar_key == delegate.calendar_key


def test_issuing_a_new_address_from_the_question_revokes_the_old_one(client, delegate):
    old = calendar_url(delegate)
    assert client.get(old).status_code == 200

    token = tokens.link_token(delegate)
    response = client.post(renew_url(delegate, token), {"confirm": "new-address"})

    personal_page = reverse("attendees:manage", args=[delegate.edition.slug, token])
    assert response.status_code == 302 and response["Location"] == personal_page + "#notice"
    delegate.refresh_from_db()
    new = calendar_url(delegate)
    assert new != old
    assert client.get(old).status_code == 404
    assert client.get(new).status_code == 200
    page = client.get(response["Location"]).content.decode()
    assert "Your calendar has a new address." in page
    assert f"http://testserver{new}" in page and f"webcal://testserver{new}" in page
    assert delegate.revisions.count() == 1  # the key is no part of the history


@pytest.mark.parametrize("data", [{}, {"confirm": "yes please"}])
def test_a_post_without_the_confirmation_keeps_the_address(client, delegate, data):
    response = client.post(renew_url(delegate), data)

    assert response.status_code == 400
    assert "Nothing was changed: confirm with the button below" in response.content.decode()
    assert Registration.objects.get(pk=delegate.pk).calendar_key == delegate.calendar_key


def test_the_personal_page_no_longer_issues_a_new_address_in_one_click(client, delegate):
    response = client.post(manage_url(delegate), {"action": "new_calendar"})

    assert response.status_code == 400
    assert Registration.objects.get(pk=delegate.pk).calendar_key == delegate.calendar_key


def test_the_question_of_a_bad_link_is_a_404(client, delegate):
    url = reverse("attendees:calendar_renew", args=[delegate.edition.slug, "not-a-token"])

    assert client.get(url).status_code == 404
    assert client.post(url, {"confirm": "new-address"}).status_code == 404


def test_every_registration_has_its_own_key(edition):
    keys = {RegistrationFactory(edition=edition).calendar_key for _ in range(5)}

    assert len(keys) == 5 and all(len(key) == 32 for key in keys)


def test_the_feed_is_in_the_delegates_language(client, delegate):
    Registration.objects.filter(pk=delegate.pk).update(language="zh-hans")
    delegate.refresh_from_db()
    opening = delegate.sessions.get(title="Opening ceremony")
    opening.title_zh_hans = "开幕式"
    opening.save()

    found = events(client.get(calendar_url(delegate)))

    assert "开幕式" in found
    assert "候补名单：Data flows forum" in found


@pytest.mark.parametrize("count", [3, 30])
def test_the_feed_takes_as_many_queries_whatever_the_number_of_sessions(
    client, edition, django_assert_num_queries, count
):
    registration = RegistrationFactory(edition=edition, status=RegistrationStatus.APPROVED)
    sessions = [session(edition, f"Forum {n}", 8 + n % 10, day=n // 10) for n in range(count)]
    for n, chosen in enumerate(sessions):
        status = ChoiceStatus.SEAT if n % 2 else ChoiceStatus.WAITLIST
        SessionChoice.objects.create(registration=registration, session=chosen, status=status)
    registration.starred_sessions.add(*[session(edition, f"Starred {n}", 8 + n % 10, day=3) for n in range(count)])

    with django_assert_num_queries(7):
        response = client.get(calendar_url(registration))

    assert len(events(response)) == 2 * count


# -- stars saved from the personal page ----------------------------------------------------------


def test_stars_from_the_browser_are_saved_only_for_the_editions_public_sessions(client, delegate, edition):
    keynote = session(edition, "Keynote", 10, day=1)
    draft = session(edition, "Draft forum", 17, status=SessionStatus.DRAFT)
    elsewhere = SessionFactory(edition=EditionFactory(year=2040), title="Another edition's forum")
    posted = [keynote.pk, draft.pk, elsewhere.pk, 987654, "12", True, -1, None]

    response = client.post(manage_url(delegate), {"action": "save_stars", "stars": json.dumps(posted)}, follow=True)

    assert sorted(delegate.starred_sessions.values_list("title", flat=True)) == ["Keynote", "Youth forum"]
    page = response.content.decode()
    assert "1 starred session saved." in page
    assert "Keynote" in page and "Another edition" not in page and "Draft forum" not in page


def test_saving_stars_twice_or_garbage_adds_nothing(client, delegate):
    youth = delegate.starred_sessions.get()

    again = client.post(manage_url(delegate), {"action": "save_stars", "stars": json.dumps([youth.pk])}, follow=True)
    garbage = client.post(manage_url(delegate), {"action": "save_stars", "stars": "{not json"}, follow=True)

    assert "No new starred session to save." in again.content.decode()
    assert garbage.status_code == 200
    assert list(delegate.starred_sessions.all()) == [youth]


def test_a_starred_session_is_removed_from_the_personal_page(client, delegate):
    youth = delegate.starred_sessions.get()

    client.post(manage_url(delegate), {"action": "unstar", "session": str(youth.pk)})

    assert not delegate.starred_sessions.exists()
    assert "Youth forum" not in events(client.get(calendar_url(delegate)))
    assert client.post(manage_url(delegate), {"action": "unstar", "session": "x"}).status_code == 400


def test_the_personal_page_shows_the_agenda_by_day_and_the_calendar_address(client, delegate):
    page = client.get(manage_url(delegate)).content.decode()

    assert page.index("Opening ceremony") < page.index("Data flows forum") < page.index("Youth forum")
    assert "Seat held" in page and "Waiting list: number 1 in line" in page and "Starred" in page
    assert page.count('class="agenda-day-heading"') == 2
    assert f"http://testserver{calendar_url(delegate)}" in page
    assert "Save the sessions starred on this device" in page
    assert 'data-storage-key="wicplanner:stars:2031"' in page


def test_a_cancelled_registration_offers_no_calendar_and_saves_no_stars(client, delegate, edition):
    services.registration_cancel(registration=delegate)
    keynote = session(edition, "Keynote", 10, day=1)

    page = client.get(manage_url(delegate)).content.decode()
    response = client.post(manage_url(delegate), {"action": "save_stars", "stars": json.dumps([keynote.pk])})
    question = client.get(renew_url(delegate))
    renewed = client.post(renew_url(delegate), {"confirm": "new-address"}, follow=True)

    assert "Issue a new address" not in page and delegate.calendar_key not in page
    assert "Released" in page
    assert response.status_code == 302 and question.status_code == 302
    assert "This registration can no longer be changed." in renewed.content.decode()
    assert not delegate.starred_sessions.filter(pk=keynote.pk).exists()
    assert Registration.objects.get(pk=delegate.pk).calendar_key == delegate.calendar_key


# -- what the personal page shows of the agenda ----------------------------------------------------


def test_the_personal_page_marks_sessions_at_the_same_time_as_my_agenda_does(client, delegate, edition):
    # The youth forum (14:00–15:00, day 1, starred) overlaps a session starred later; a cancelled one overlaps nothing.
    clash = SessionFactory(
        edition=edition, title="Forum on AI ethics", start=at(edition, 14, 1).replace(minute=30), end=at(edition, 16, 1)
    )
    dropped = session(edition, "Forum on satellites", 14, day=1, status=SessionStatus.CANCELLED)
    delegate.starred_sessions.add(clash, dropped)

    page = client.get(manage_url(delegate)).content.decode()

    text = text_of(page)
    # Said in words after each of the two (room and notes between), as My agenda says it.
    assert re.search(r"14:00–15:00 Youth forum [^⚠]* ⚠ Overlaps with Forum on AI ethics \(14:30–16:00\)", text)
    assert re.search(r"14:30–16:00 Forum on AI ethics [^⚠]* ⚠ Overlaps with Youth forum \(14:00–15:00\)", text)
    assert text.count("Overlaps with") == 2  # the seat at 9:00 and the waiting place at 11:00 clash with nothing
    assert f'<a href="#agenda-{clash.pk}">Forum on AI ethics</a>' in page
    assert f'id="agenda-{clash.pk}"' in page


def test_the_delegates_agenda_and_my_agenda_mark_the_same_overlaps(client, delegate, edition):
    clash = session(edition, "Forum on AI ethics", 9, registration_required=False)  # with the opening (seat)
    delegate.starred_sessions.add(clash)

    entries = selectors.delegate_agenda(registration=delegate)
    shared = client.get(
        reverse("agenda:my_agenda", args=[edition.slug]) + "?s=" + "-".join(str(e.session.pk) for e in entries)
    )

    mine = {entry.session.title: [other.title for other in entry.overlaps] for entry in entries}
    assert mine == {
        "Opening ceremony": ["Forum on AI ethics"],
        "Forum on AI ethics": ["Opening ceremony"],
        "Data flows forum": [],
        "Youth forum": [],
    }
    theirs = {
        item.session.title: [other.title for other in item.overlaps]
        for _day, items in shared.context["days"]
        for item in items
    }
    assert theirs == mine


def test_the_page_tells_its_script_the_saved_stars_and_the_sessions_a_star_may_name(client, delegate, edition):
    youth = delegate.starred_sessions.get()
    draft = session(edition, "Draft forum", 17, status=SessionStatus.DRAFT)
    SessionFactory(edition=EditionFactory(year=2040))

    page = client.get(manage_url(delegate)).content.decode()

    data = json.loads(re.search(r'<script id="delegate-stars-data" type="application/json">(.*?)</script>', page)[1])
    public = sorted(edition.sessions.exclude(pk=draft.pk).values_list("pk", flat=True))
    assert data == {"saved": [youth.pk], "starrable": public}
    assert re.search(r"<div[^>]*data-delegate-stars[^>]*hidden>", page)  # revealed by the script only
    assert "<script>" not in page and " onclick=" not in page  # no inline scripts
