"""The public registration form: validation, the window and cap, sessions and seats, duplicates, rate limits."""

import datetime as dt
import re
import types

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from agenda.enums import SessionStatus
from attendees import outbox, services
from attendees.enums import ChoiceStatus, RegistrationStatus
from attendees.models import Registration, SessionChoice
from attendees.tokens import link_token
from tests.factories import EditionFactory, SessionFactory
from tests.factories.attendees import RegistrationFactory, delegate_data, open_registration

pytestmark = pytest.mark.django_db


def register_url(edition):
    return reverse("attendees:register", args=[edition.slug])


def thanks_url(edition):
    return reverse("attendees:register_thanks", args=[edition.slug])


def form_data(n=0, sessions=(), **overrides):
    data = {**delegate_data(n), "consent": "on", "phone": "", "dietary_needs": "", "accessibility_needs": ""}
    data["sessions"] = [str(pk) for pk in sessions]
    data.update(overrides)
    return data


@pytest.fixture
def edition():
    return open_registration(EditionFactory())


@pytest.fixture
def forum(edition):
    return SessionFactory(edition=edition, title="Digital Economy Forum", capacity=3, registration_required=True)


def test_the_form_lists_the_fields_sessions_and_a_consent_linked_to_the_privacy_notice(client, edition, forum):
    response = client.get(register_url(edition))

    assert response.status_code == 200
    html = response.content.decode()
    for name in ("name", "email", "organisation", "position", "country", "phone", "category"):
        assert f'name="{name}"' in html
    assert 'name="dietary_needs"' in html and 'name="accessibility_needs"' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert f'name="sessions" value="{forum.pk}"' in html
    assert "Digital Economy Forum" in html
    assert "3 seats left" in html
    start = forum.start.astimezone(edition.zone)  # the edition's own time (Asia/Shanghai), not UTC
    assert f"{start:%a} 19 Nov, 09:00–11:00" in html
    assert 'name="consent"' in html
    assert reverse("attendees:privacy", args=[edition.slug]) in html
    assert '<option value="KE">Kenya</option>' in html
    assert "no-store" in response["Cache-Control"]


def test_only_published_sessions_that_need_registration_are_offered(client, edition, forum):
    plenary = SessionFactory(edition=edition, title="Open plenary", registration_required=False)
    draft = SessionFactory(edition=edition, title="Draft forum", registration_required=True, status=SessionStatus.DRAFT)
    other = SessionFactory(title="Forum of another edition", registration_required=True)

    html = client.get(register_url(edition)).content.decode()

    assert "Digital Economy Forum" in html
    for session in (plenary, draft, other):
        assert session.title not in html


def test_a_registration_is_created_and_the_browser_sent_to_the_thanks_page(
    client, edition, forum, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(register_url(edition), form_data(1, sessions=[forum.pk], phone="+86 571 1234 5678"))

    assert response.status_code == 302
    assert response["Location"] == thanks_url(edition)
    registration = Registration.objects.get()
    assert (registration.name, registration.email, registration.country.code) == (
        "Delegate 1",
        "delegate1@example.org",
        "KE",
    )
    assert registration.phone == "+86 571 1234 5678"
    assert registration.status == RegistrationStatus.SUBMITTED
    assert registration.consented_at is not None
    assert list(registration.choices.values_list("session_id", "status")) == [(forum.pk, ChoiceStatus.SEAT)]
    assert [m.subject for m in mail.outbox] == [f"{edition.name}: registration received"]

    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    assert "We have sent an email" in thanks.content.decode()


def test_required_fields_are_reported_and_nothing_is_saved(client, edition):
    response = client.post(register_url(edition), {})

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert set(errors) == {"name", "email", "organisation", "position", "country", "category", "consent"}
    assert "Please check the form" in response.content.decode()
    assert Registration.objects.count() == 0
    assert mail.outbox == []


def test_blank_text_is_not_accepted_for_required_fields(client, edition):
    response = client.post(register_url(edition), form_data(name="   ", organisation="\t"))

    assert set(response.context["form"].errors) == {"name", "organisation"}
    assert Registration.objects.count() == 0


def test_a_bad_email_address_is_refused(client, edition):
    response = client.post(register_url(edition), form_data(email="not-an-address"))

    assert response.status_code == 200
    assert "email" in response.context["form"].errors
    assert Registration.objects.count() == 0


@pytest.mark.parametrize(
    ("field", "length"),
    [("name", 201), ("organisation", 301), ("position", 201), ("phone", 41), ("dietary_needs", 501)],
)
def test_overlong_text_is_refused(client, edition, field, length):
    value = "1" * length if field == "phone" else "x" * length
    response = client.post(register_url(edition), form_data(**{field: value}))

    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert Registration.objects.count() == 0


def test_text_of_the_maximum_length_is_accepted(client, edition):
    response = client.post(register_url(edition), form_data(name="n" * 200, accessibility_needs="a" * 500))

    assert response.status_code == 302
    assert len(Registration.objects.get().name) == 200


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("country", "XX"),
        ("category", "president"),
        ("phone", "call me maybe"),
        ("name", "Null\x00byte"),
        ("email", "a@" + "b" * 300 + ".org"),
    ],
)
def test_other_bad_input_is_a_form_error_not_a_server_error(client, edition, field, value):
    response = client.post(register_url(edition), form_data(**{field: value}))

    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert Registration.objects.count() == 0


@pytest.mark.parametrize("field", ["name", "organisation", "position"])
def test_text_direction_controls_are_refused_with_what_was_typed_kept(client, edition, field):
    # U+202E would show "Ada Lovelace\u202eecalevoL" reversed on the badge, the desk and the admin.
    typed = "Ada \u202eecalevoL"

    response = client.post(register_url(edition), form_data(**{field: typed}))

    assert response.status_code == 200
    assert "text-direction" in str(response.context["form"].errors[field])
    assert response.context["form"][field].value() == typed
    assert Registration.objects.count() == 0


def test_names_in_right_to_left_scripts_are_kept(client, edition):
    client.post(register_url(edition), form_data(name="أحمد المنصوري", organisation="וִיקִיפֶּדְיָה"))

    assert Registration.objects.get().name == "أحمد المنصوري"


def test_html_is_stored_as_typed_and_shown_escaped(client, edition, django_capture_on_commit_callbacks):
    name = '<script>alert("x")</script> <b>Ada</b>'
    with django_capture_on_commit_callbacks(execute=True):
        client.post(register_url(edition), form_data(name=name, organisation="R&D <Lab>"))

    registration = Registration.objects.get()
    assert registration.name == name
    assert registration.organisation == "R&D <Lab>"
    html = mail.outbox[0].alternatives[0][0]
    assert "<script>" not in html and "&lt;script&gt;" in html

    # Kept as text when the form is shown again after an error, too.
    response = client.post(register_url(edition), form_data(2, name=name, consent=""))
    page = response.content.decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page


def test_consent_is_required(client, edition):
    response = client.post(register_url(edition), form_data(consent=""))

    assert response.status_code == 200
    assert response.context["form"].errors["consent"] == [
        "Please accept the privacy notice: we cannot register you without it."
    ]
    assert Registration.objects.count() == 0
    # The form shown again still links the notice from the checkbox's label.
    assert 'I have read the <a href="/' + edition.slug + '/register/privacy/"' in response.content.decode()


def test_what_was_typed_is_kept_when_the_form_comes_back(client, edition, forum):
    response = client.post(
        register_url(edition),
        form_data(name="Grace Hopper", organisation="Navy", sessions=[forum.pk], consent="", dietary_needs="Vegan"),
    )

    page = response.content.decode()
    assert 'value="Grace Hopper"' in page
    assert 'value="Navy"' in page
    assert "Vegan</textarea>" in page
    assert f'value="{forum.pk}" class="form-check-input" id="id_sessions_0" checked' in page


def test_not_yet_open_shows_when_registration_opens_instead_of_the_form(client):
    opens = timezone.now() + dt.timedelta(days=3)
    edition = EditionFactory(registration_opens_at=opens)

    response = client.get(register_url(edition))

    page = response.content.decode()
    assert response.status_code == 200
    assert response.context["form"] is None
    assert "Registration is not open yet." in page
    assert "Registration opens on" in page
    assert opens.astimezone(edition.zone).strftime("%H:%M") in page
    assert 'name="email"' not in page


def test_no_window_at_all_says_it_is_not_announced(client):
    edition = EditionFactory(registration_opens_at=None)

    page = client.get(register_url(edition)).content.decode()

    assert "Registration is not open yet." in page
    assert "not announced when registration opens" in page


def test_closed_shows_a_message_and_a_late_post_is_refused_with_the_data_kept(client):
    edition = EditionFactory(
        registration_opens_at=timezone.now() - dt.timedelta(days=10),
        registration_closes_at=timezone.now() - dt.timedelta(minutes=1),
    )

    page = client.get(register_url(edition)).content.decode()
    assert "Registration has closed." in page
    assert "Registration closed on" in page
    assert 'name="email"' not in page

    response = client.post(register_url(edition), form_data(name="Late Comer"))
    assert response.status_code == 200
    assert "Registration has closed." in response.content.decode()
    assert 'value="Late Comer"' in response.content.decode()
    assert Registration.objects.count() == 0


def test_a_full_edition_shows_a_message_and_answers_known_and_unknown_addresses_alike(client):
    edition = open_registration(EditionFactory(), registration_cap=1)
    RegistrationFactory(edition=edition, email="first@example.org")

    page = client.get(register_url(edition)).content.decode()
    assert "Registration is full" in page
    assert 'name="email"' not in page

    known = client.post(register_url(edition), form_data(email="FIRST@example.org"))
    unknown = client.post(register_url(edition), form_data(email="new@example.org"))
    assert known.status_code == unknown.status_code == 200
    for response in (known, unknown):
        assert "Registration is full" in response.content.decode()
    assert Registration.objects.count() == 1
    assert mail.outbox == []


def test_a_cancelled_registration_frees_a_place_under_the_cap(client):
    edition = open_registration(EditionFactory(), registration_cap=1)
    RegistrationFactory(edition=edition, status=RegistrationStatus.CANCELLED)

    response = client.post(register_url(edition), form_data(1))

    assert response.status_code == 302


def test_an_address_registered_in_another_case_gets_the_same_answer_and_an_email(
    client, edition, forum, django_capture_on_commit_callbacks
):
    existing = RegistrationFactory(edition=edition, email="ada@example.org", name="Ada")
    with django_capture_on_commit_callbacks(execute=True):
        fresh = client.post(register_url(edition), form_data(7, sessions=[forum.pk]))
    assert [m.subject for m in mail.outbox] == [f"{edition.name}: registration received"]
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        again = client.post(register_url(edition), form_data(8, email="ADA@Example.ORG", sessions=[forum.pk]))

    assert again.status_code == fresh.status_code == 302
    assert again["Location"] == fresh["Location"] == thanks_url(edition)
    assert again.content == fresh.content
    assert client.get(again["Location"]).content == client.get(fresh["Location"]).content
    assert Registration.objects.filter(email__iexact="ada@example.org").count() == 1
    assert not SessionChoice.objects.filter(registration=existing).exists()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["ada@example.org"]
    assert message.subject == f"{edition.name}: you are already registered"
    assert "You are already registered" in message.body


def test_repeated_attempts_send_one_already_registered_email_an_hour(client, edition):
    existing = RegistrationFactory(edition=edition, email="ada@example.org", name="Ada")

    for n in range(5):
        response = client.post(register_url(edition), form_data(20 + n, email="Ada@example.org"))
        assert response.status_code == 302
    outbox.drain()
    assert [m.subject for m in mail.outbox] == [f"{edition.name}: you are already registered"]

    # An hour later the owner hears about a new attempt again, once.
    an_hour_ago = timezone.now() - dt.timedelta(hours=1, minutes=1)
    Registration.objects.filter(pk=existing.pk).update(duplicate_notice_sent_at=an_hour_ago)
    for n in range(2):
        client.post(register_url(edition), form_data(30 + n, email="ada@example.org"))
    outbox.drain()
    assert len(mail.outbox) == 2
    assert Registration.objects.filter(email__iexact="ada@example.org").count() == 1


def test_the_same_address_in_another_edition_is_a_new_registration(client, edition):
    RegistrationFactory(edition=EditionFactory(), email="ada@example.org")

    response = client.post(register_url(edition), form_data(email="ada@example.org"))

    assert response.status_code == 302
    assert Registration.objects.filter(edition=edition).count() == 1


def test_a_full_session_says_the_delegate_joins_the_waiting_list(client, edition, forum):
    for n in range(3):
        services.registration_create(edition=edition, data=delegate_data(100 + n), session_ids=[forum.pk])
    services.registration_create(edition=edition, data=delegate_data(200), session_ids=[forum.pk])

    page = client.get(register_url(edition)).content.decode()
    assert "Full — you will join the waiting list" in page
    assert "(1 waiting)" in page

    client.post(register_url(edition), form_data(1, sessions=[forum.pk]))
    choice = SessionChoice.objects.get(registration__email="delegate1@example.org")
    assert choice.status == ChoiceStatus.WAITLIST


def test_seats_left_count_only_active_registrations(client, edition, forum):
    services.registration_create(edition=edition, data=delegate_data(100), session_ids=[forum.pk])
    cancelled = services.registration_create(edition=edition, data=delegate_data(101), session_ids=[forum.pk])
    services.registration_cancel(registration=cancelled)

    page = client.get(register_url(edition)).content.decode()

    assert "2 seats left" in page


def test_a_session_without_a_limit_says_so(client, edition):
    SessionFactory(edition=edition, capacity=None, registration_required=True)

    assert "No seat limit" in client.get(register_url(edition)).content.decode()


@pytest.mark.parametrize("kind", ["other_edition", "draft", "not_required", "garbage", "missing"])
def test_a_session_that_cannot_be_chosen_is_refused_with_a_message(client, edition, forum, kind):
    session_id = {
        "other_edition": lambda: SessionFactory(registration_required=True).pk,
        "draft": lambda: SessionFactory(edition=edition, registration_required=True, status=SessionStatus.DRAFT).pk,
        "not_required": lambda: SessionFactory(edition=edition, registration_required=False).pk,
        "garbage": lambda: "1; DROP TABLE",
        "missing": lambda: 987654,
    }[kind]()

    response = client.post(register_url(edition), form_data(1, sessions=[forum.pk, session_id]))

    assert response.status_code == 200
    assert response.context["form"].errors["sessions"] == [
        "One of the chosen sessions cannot be registered for. Please choose again."
    ]
    assert "cannot be registered for" in response.content.decode()
    assert Registration.objects.count() == 0


def test_a_refusal_from_the_registration_rules_is_shown_on_the_form_with_the_data_kept(client, edition):
    edition.registration_cap = 1
    edition.save()
    services.registration_create(edition=edition, data=delegate_data(9))  # the last place, taken meanwhile

    response = client.post(register_url(edition), form_data(name="Kept Name", organisation="Kept Org"))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Registration is full: the edition has reached its number of delegates." in page
    assert 'value="Kept Name"' in page and 'value="Kept Org"' in page
    assert Registration.objects.count() == 1


def test_csrf_is_enforced(edition):
    csrf_client = Client(enforce_csrf_checks=True)

    response = csrf_client.post(register_url(edition), form_data())

    assert response.status_code == 403
    assert Registration.objects.count() == 0


def test_an_unpublished_edition_has_no_registration_form(client):
    edition = open_registration(EditionFactory(is_published=False))

    assert client.get(register_url(edition)).status_code == 404
    assert client.post(register_url(edition), form_data()).status_code == 404


def test_the_privacy_notice_is_a_page_of_the_edition(client, edition):
    response = client.get(reverse("attendees:privacy", args=[edition.slug]))

    assert response.status_code == 200
    assert "Privacy notice for delegates" in response.content.decode()


@pytest.fixture
def frozen_rate_window(monkeypatch):
    """The limiter counts per time window: keep the test inside one, whatever the clock says."""
    import django_ratelimit.core

    monkeypatch.setattr(django_ratelimit.core, "time", types.SimpleNamespace(time=lambda: 1_800_000_000.0))


@pytest.mark.usefixtures("frozen_rate_window")
def test_registration_posts_are_limited_per_address(client, edition, settings):
    settings.REGISTRATION_RATE = "2/m"

    first = client.post(register_url(edition), form_data(1))
    second = client.post(register_url(edition), {})  # invalid forms count too
    third = client.post(register_url(edition), form_data(3))

    assert (first.status_code, second.status_code, third.status_code) == (302, 200, 429)
    assert "Too many attempts" in third.content.decode()
    assert int(third["Retry-After"]) > 0
    assert Registration.objects.count() == 1
    # Reading the form is not limited, and another address has its own count.
    assert client.get(register_url(edition)).status_code == 200
    other = client.post(register_url(edition), form_data(4), REMOTE_ADDR="203.0.113.9")
    assert other.status_code == 302


@pytest.mark.usefixtures("frozen_rate_window")
def test_resend_posts_are_limited_too(client, edition, settings):
    settings.REGISTRATION_RATE = "2/m"
    url = reverse("attendees:resend", args=[edition.slug])

    codes = [client.post(url, {"email": f"a{n}@example.org"}).status_code for n in range(3)]

    assert codes == [302, 302, 429]


@pytest.mark.usefixtures("frozen_rate_window")
def test_the_limit_can_be_switched_off(client, edition, settings):
    settings.REGISTRATION_RATE = "off"

    codes = {client.post(register_url(edition), form_data(n)).status_code for n in range(12)}

    assert codes == {302}
    assert Registration.objects.count() == 12


def test_nobody_registers_for_an_edition_that_is_over_even_with_its_window_open(client):
    past = open_registration(EditionFactory(year=2020))

    with pytest.raises(services.RegistrationError, match="This edition is over"):
        services.registration_create(edition=past, data=delegate_data(1))
    page = client.get(register_url(past)).content.decode()

    assert "This edition is over: registration has closed." in page
    assert "Took place 19–22 November 2020" in page
    assert 'name="email"' not in page and "not open yet" not in page and "Get a new link" not in page
    assert Registration.objects.count() == 0


def test_a_session_pages_register_button_starts_the_form_with_that_session_ticked(client, edition, forum):
    other = SessionFactory(edition=edition, title="Youth forum", registration_required=True)

    page = client.get(register_url(edition), {"session": [forum.slug, "no-such-session", "x" * 5000]}).content.decode()

    assert re.search(rf'name="sessions" value="{forum.pk}"[^>]*checked', page)
    assert not re.search(rf'name="sessions" value="{other.pk}"[^>]*checked', page)
    note = page.split('class="alert alert-info preselected-sessions"')[1].split("</div>")[0]
    assert "You are registering for:" in note and "Digital Economy Forum" in note and "Youth forum" not in note
    assert 'href="#div_id_sessions"' in note and 'id="div_id_sessions"' in page


def test_a_delegate_who_cancelled_can_register_again_and_is_told(
    client, edition, forum, django_capture_on_commit_callbacks
):
    first = services.registration_create(edition=edition, data=delegate_data(1), session_ids=[forum.pk])
    old_link = reverse("attendees:manage", args=[edition.slug, link_token(first)])
    services.registration_cancel(registration=first, message="Cancelled by the delegate.")
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            register_url(edition), form_data(1, email="DELEGATE1@example.org", position="Envoy", sessions=[forum.pk])
        )

    assert response.status_code == 302 and response["Location"] == thanks_url(edition)
    again = Registration.objects.get()
    assert again.pk == first.pk
    assert (again.status, again.position) == (RegistrationStatus.SUBMITTED, "Envoy")
    assert list(again.choices.values_list("session_id", "status")) == [(forum.pk, ChoiceStatus.SEAT)]
    assert [c.new_status for c in again.history.all()][-2:] == [
        RegistrationStatus.CANCELLED,
        RegistrationStatus.SUBMITTED,
    ]
    assert [m.subject for m in mail.outbox] == [f"{edition.name}: registration received"]
    assert client.get(old_link).status_code == 410  # the link of the cancelled registration


def test_a_rejected_registration_cannot_be_reopened_by_registering_again(client, edition):
    rejected = services.registration_create(edition=edition, data=delegate_data(1))
    services.registration_reject(registration=rejected)

    with pytest.raises(services.AlreadyRegistered):
        services.registration_create(edition=edition, data=delegate_data(1))

    rejected.refresh_from_db()
    assert rejected.status == RegistrationStatus.REJECTED
