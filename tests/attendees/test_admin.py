"""Registrations in the admin: bulk status changes through the services, filters, export, fill rates."""

import csv
import datetime as dt
import io

import openpyxl
import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from agenda.enums import SessionKind
from attendees import services
from attendees.enums import ChoiceStatus, DelegateCategory, RegistrationStatus
from attendees.models import Registration, SessionChoice, StatusChange
from tests.factories import EditionFactory, SessionFactory
from tests.factories.attendees import delegate_data, open_registration

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:attendees_registration_changelist")
EXPORT = reverse("admin:attendees_registration_export")
FILL_RATES = reverse("admin:attendees_registration_fill_rates")
EXPORT_FIELDS = [
    "edition",
    "name",
    "email",
    "organisation",
    "position",
    "country",
    "category",
    "status",
    "sessions",
    "dietary_needs",
    "accessibility_needs",
    "created",
    "checked_in",
]


@pytest.fixture
def edition():
    return open_registration(EditionFactory(year=2031, is_current=True))


@pytest.fixture
def forum(edition):
    return SessionFactory(
        edition=edition, title="AI governance", kind=SessionKind.SUB_FORUM, registration_required=True, capacity=2
    )


@pytest.fixture
def other_forum(edition):
    # In the afternoon: a delegate may hold places in both.
    return SessionFactory(
        edition=edition,
        title="Digital economy",
        kind=SessionKind.SUB_FORUM,
        registration_required=True,
        start=dt.datetime.combine(edition.start_date, dt.time(14), tzinfo=edition.zone),
        end=dt.datetime.combine(edition.start_date, dt.time(16), tzinfo=edition.zone),
    )


def register(edition, n, sessions=(), **data):
    return services.registration_create(
        edition=edition, data=delegate_data(n, **data), session_ids=[s.pk for s in sessions]
    )


def run_action(client, action, registrations, **extra):
    data = {"action": action, "_selected_action": [r.pk for r in registrations], **extra}
    return client.post(CHANGELIST, data)


# -- bulk actions ---------------------------------------------------------------------------------


def test_approve_asks_for_a_message_first_then_approves_and_emails_it(
    organiser_client, organiser, edition, forum, django_capture_on_commit_callbacks
):
    first, second = register(edition, 1, [forum], name="Amina Diallo"), register(edition, 2, [forum])
    mail.outbox.clear()

    confirm = run_action(organiser_client, "approve", [first, second])

    assert confirm.status_code == 200
    page = confirm.content.decode()
    assert "Amina Diallo" in page
    assert 'name="message"' in page
    assert Registration.objects.filter(status=RegistrationStatus.APPROVED).count() == 0

    with django_capture_on_commit_callbacks(execute=True):
        response = run_action(
            organiser_client, "approve", [first, second], apply="Approve", message="Bring your passport, please."
        )

    assert response.status_code == 302
    assert set(Registration.objects.values_list("status", flat=True)) == {RegistrationStatus.APPROVED}
    approved = [m for m in mail.outbox if "approved" in m.subject]
    assert sorted(m.to[0] for m in approved) == [first.email, second.email]
    assert all("Bring your passport, please." in m.body for m in approved)
    change = StatusChange.objects.get(registration=first, new_status=RegistrationStatus.APPROVED)
    assert (change.changed_by, change.message, change.old_status) == (
        organiser,
        "Bring your passport, please.",
        RegistrationStatus.SUBMITTED,
    )
    shown = [str(m) for m in organiser_client.get(CHANGELIST, follow=True).context["messages"]]
    assert "2 registrations approved." in shown


def test_reject_reports_the_ones_that_cannot_change_and_why(
    organiser_client, organiser, edition, forum, django_capture_on_commit_callbacks
):
    submitted = register(edition, 1, [forum])
    cancelled = register(edition, 2, [forum], name="Li Wei")
    services.registration_cancel(registration=cancelled)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = run_action(organiser_client, "reject", [submitted, cancelled], apply="Reject", message="")

    assert response.status_code == 302
    submitted.refresh_from_db()
    cancelled.refresh_from_db()
    assert (submitted.status, cancelled.status) == (RegistrationStatus.REJECTED, RegistrationStatus.CANCELLED)
    assert [m.to for m in mail.outbox if "not accepted" in m.subject] == [[submitted.email]]
    shown = [str(m) for m in organiser_client.get(CHANGELIST, follow=True).context["messages"]]
    assert "1 registration rejected." in shown
    warning = next(m for m in shown if "not rejected" in m)
    assert "1 registration was not rejected" in warning
    assert "Li Wei" in warning
    assert "“Cancelled” cannot become “Rejected”" in warning


def test_cancel_frees_the_seat_for_the_first_on_the_waiting_list(
    organiser_client, edition, forum, django_capture_on_commit_callbacks
):
    seated = [register(edition, n, [forum]) for n in (1, 2)]
    waiting = register(edition, 3, [forum])
    assert waiting.choices.get().status == ChoiceStatus.WAITLIST
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        run_action(organiser_client, "cancel", [seated[0]], apply="Cancel", message="Asked by phone")

    assert waiting.choices.get().status == ChoiceStatus.SEAT
    assert {m.to[0] for m in mail.outbox} == {seated[0].email, waiting.email}
    assert StatusChange.objects.get(registration=seated[0], new_status="cancelled").message == "Asked by phone"


def test_a_too_long_message_shows_the_form_again_and_changes_nothing(organiser_client, edition):
    registration = register(edition, 1)

    response = run_action(organiser_client, "approve", [registration], apply="Approve", message="x" * 2001)

    assert response.status_code == 200
    assert "at most 2000 characters" in response.content.decode()
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.SUBMITTED


def test_select_across_applies_to_the_whole_filtered_list(organiser_client, edition, forum, other_forum):
    in_forum = [register(edition, n, [forum]) for n in range(3)]
    elsewhere = register(edition, 9, [other_forum])
    url = f"{CHANGELIST}?session={forum.pk}"

    confirm = organiser_client.post(
        url, {"action": "approve", "_selected_action": [in_forum[0].pk], "select_across": 1}
    )
    assert "3 registrations selected" in confirm.content.decode()
    organiser_client.post(
        url, {"action": "approve", "_selected_action": [in_forum[0].pk], "select_across": 1, "apply": "Approve"}
    )

    assert set(Registration.objects.filter(pk__in=[r.pk for r in in_forum]).values_list("status", flat=True)) == {
        RegistrationStatus.APPROVED
    }
    elsewhere.refresh_from_db()
    assert elsewhere.status == RegistrationStatus.SUBMITTED


def test_resend_link_sends_a_fresh_link(organiser_client, edition, django_capture_on_commit_callbacks):
    registration = register(edition, 1)
    old_key = registration.token_key
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = run_action(organiser_client, "resend_link", [registration], index=0)

    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.token_key != old_key
    assert [m.to for m in mail.outbox] == [[registration.email]]
    shown = organiser_client.get(response["Location"], follow=True).content.decode()
    assert "A new self-service link will be emailed to 1 delegate" in shown


def test_no_bulk_delete_and_no_add(organiser_client, edition):
    register(edition, 1)
    response = organiser_client.get(CHANGELIST, follow=True)
    actions = dict(response.context["action_form"].fields["action"].choices)
    assert set(actions) >= {"approve", "reject", "cancel", "resend_link"}
    assert "delete_selected" not in actions
    assert organiser_client.get(reverse("admin:attendees_registration_add")).status_code == 403


def test_only_a_cancelled_or_rejected_registration_can_be_deleted(organiser_client, edition, forum):
    active = register(edition, 1, [forum])
    cancelled = register(edition, 2, [forum])
    services.registration_cancel(registration=cancelled)

    delete = "admin:attendees_registration_delete"
    assert organiser_client.get(reverse(delete, args=[active.pk])).status_code == 403
    assert organiser_client.post(reverse(delete, args=[cancelled.pk]), {"post": "yes"}).status_code == 302
    assert list(Registration.objects.all()) == [active]


# -- detail page ----------------------------------------------------------------------------------


def change_form_data(registration, **overrides):
    data = {
        "name": registration.name,
        "name_zh": registration.name_zh,
        "email": registration.email,
        "phone": registration.phone,
        "organisation": registration.organisation,
        "position": registration.position,
        "country": registration.country.code,
        "category": registration.category,
        "dietary_needs": registration.dietary_needs,
        "accessibility_needs": registration.accessibility_needs,
        "language": registration.language,
    }
    for prefix in ("choices", "history"):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    data.update(overrides)
    return data


def test_detail_shows_choices_and_history_and_edits_details_but_not_the_status(organiser_client, edition, forum):
    registration = register(edition, 1, [forum])
    url = reverse("admin:attendees_registration_change", args=[registration.pk])

    page = organiser_client.get(url)
    assert page.status_code == 200
    text = page.content.decode()
    assert "AI governance" in text
    assert "Seat held" in text
    assert "status" not in page.context["adminform"].form.fields

    response = organiser_client.post(
        url, change_form_data(registration, name="Amina J. Diallo", status=RegistrationStatus.APPROVED)
    )

    assert response.status_code == 302
    registration.refresh_from_db()
    assert (registration.name, registration.status) == ("Amina J. Diallo", RegistrationStatus.SUBMITTED)


def test_detail_refuses_an_email_already_registered_for_the_edition(organiser_client, edition):
    registration = register(edition, 1)
    register(edition, 2)
    url = reverse("admin:attendees_registration_change", args=[registration.pk])

    response = organiser_client.post(url, change_form_data(registration, email="DELEGATE2@example.org"))

    assert response.status_code == 200
    assert "already registered for this edition" in response.content.decode()


# -- list, filters --------------------------------------------------------------------------------


def test_filter_by_sub_forum_and_place(organiser_client, edition, forum, other_forum):
    seated = [register(edition, n, [forum]) for n in (1, 2)]
    waiting = register(edition, 3, [forum, other_forum])
    only_other = register(edition, 4, [other_forum])

    def names(**params):
        response = organiser_client.get(CHANGELIST, params, follow=True)
        assert response.status_code == 200
        return {r.name for r in response.context["cl"].result_list}

    assert names(session=forum.pk) == {r.name for r in [*seated, waiting]}
    assert names(session=other_forum.pk) == {waiting.name, only_other.name}
    assert names(session=forum.pk, place="waitlist") == {waiting.name}
    assert names(session=forum.pk, place="seat") == {r.name for r in seated}
    filters = organiser_client.get(CHANGELIST, {"edition__id__exact": edition.pk}).content.decode()
    assert "AI governance" in filters
    assert "Fill rates" in filters


def test_garbage_filter_values_do_not_break_the_list(organiser_client, edition):
    register(edition, 1)
    for params in ({"session": "abc"}, {"session": "²"}, {"edition__id__exact": "²"}, {"place": "nonsense"}):
        assert organiser_client.get(CHANGELIST, params).status_code in (200, 302)


def changelist_queries(client, edition, **params):
    params["edition__id__exact"] = edition.pk
    with CaptureQueriesContext(connection) as queries:
        response = client.get(CHANGELIST, params)
    assert response.status_code == 200
    return len(queries), response


@pytest.mark.parametrize("params", [{}, {"q": "delegate"}, {"status__exact": "submitted"}])
def test_changelist_queries_do_not_grow_with_the_registrations(organiser_client, edition, forum, params):
    for n in range(5):
        register(edition, n, [forum], country="CN" if n % 2 else "KE")
    organiser_client.get(CHANGELIST, follow=True)  # warm the cached admin time zone
    small, _ = changelist_queries(organiser_client, edition, **params)
    for n in range(5, 45):
        register(edition, n, [forum], category=DelegateCategory.BUSINESS, country="FR" if n % 3 else "BR")
    large, response = changelist_queries(organiser_client, edition, **params)

    assert large == small
    assert response.context["cl"].result_count == 45


# -- export ---------------------------------------------------------------------------------------


def export(client, file_format, **params):
    query = "&".join(f"{k}={v}" for k, v in params.items())
    url = f"{EXPORT}?{query}" if query else EXPORT
    assert client.get(url).status_code == 200
    data = {"format": file_format, "resource": "0", **{f"registrationresource_{f}": "on" for f in EXPORT_FIELDS}}
    response = client.post(url, data)
    assert response.status_code == 200
    return response


def test_export_csv_has_the_filtered_rows(organiser_client, edition, forum, other_forum):
    approved = register(
        edition, 1, [forum, other_forum], name="Amina Diallo", dietary_needs="Halal", accessibility_needs="Ramp"
    )
    services.registration_approve(registration=approved)
    register(edition, 2, [forum], name="Still Waiting")

    response = export(organiser_client, "0", status__exact="approved")

    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="registrations-' in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [row["Name"] for row in rows] == ["Amina Diallo"]
    row = rows[0]
    assert row["Email"] == approved.email
    assert row["Country"] == "Kenya"
    assert row["Category"] == "Government official"
    assert row["Status"] == "Approved"
    assert row["Sessions"] == "AI governance (Seat held); Digital economy (Seat held)"
    assert (row["Dietary needs"], row["Accessibility needs"]) == ("Halal", "Ramp")
    assert row["Registered"].startswith("20")
    assert row["Checked in"] == ""


def test_export_xlsx_follows_the_sub_forum_filter(organiser_client, edition, forum, other_forum):
    for n in (1, 2, 3):
        register(edition, n, [forum], name=f"Forum delegate {n}")
    register(edition, 4, [other_forum], name="Elsewhere")

    response = export(organiser_client, "1", session=forum.pk)

    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    assert header[:3] == ("Edition", "Name", "Email")
    assert sorted(row[1] for row in body) == ["Forum delegate 1", "Forum delegate 2", "Forum delegate 3"]
    sessions = {row[1]: row[header.index("Sessions")] for row in body}
    assert sessions["Forum delegate 3"] == "AI governance (On the waiting list)"


# -- fill rates -----------------------------------------------------------------------------------


def test_fill_rates_count_seats_capacity_and_waiting_list(organiser_client, edition, forum, other_forum):
    for n in range(3):
        register(edition, n, [forum])
    cancelled = register(edition, 7, [other_forum])
    services.registration_cancel(registration=cancelled)
    SessionFactory(edition=edition, title="No registration needed")

    response = organiser_client.get(FILL_RATES, {"edition": edition.pk})

    assert response.status_code == 200
    rows = {row["rate"].session.title: row["rate"] for row in response.context["rows"]}
    assert set(rows) == {"AI governance", "Digital economy"}
    ai = rows["AI governance"]
    assert (ai.seats, ai.capacity, ai.waiting, ai.free, ai.percent) == (2, 2, 1, 0, 100)
    assert (rows["Digital economy"].seats, rows["Digital economy"].capacity) == (0, None)
    assert f"session={forum.pk}" in response.content.decode()


def test_fill_rates_default_to_the_current_edition_and_accept_garbage(organiser_client, edition, forum):
    register(edition, 1, [forum])
    for params in ({}, {"edition": "nope"}, {"edition": "99999999"}, {"edition": "²"}):
        response = organiser_client.get(FILL_RATES, params)
        assert response.status_code == 200
        assert response.context["edition"] == edition


def test_fill_rates_queries_do_not_grow_with_the_sessions(organiser_client, edition):
    def sessions(count):
        made = [
            SessionFactory(edition=edition, registration_required=True, capacity=3, kind=SessionKind.SUB_FORUM)
            for _ in range(count)
        ]
        for session in made:
            for _ in range(2):
                SessionChoice.objects.create(
                    registration=register(edition, Registration.objects.count()), session=session, status="seat"
                )

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert organiser_client.get(FILL_RATES, {"edition": edition.pk}).status_code == 200
        return len(captured)

    sessions(2)
    organiser_client.get(FILL_RATES)
    small = queries()
    sessions(12)
    assert queries() == small
