"""Rules that hold at the service level, so the admin, the door and the public pages all obey them."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from agenda.models import Session
from attendees import selectors, services
from attendees.enums import ChoiceStatus, RegistrationStatus, may_become
from attendees.models import Registration, SessionChoice, StatusChange
from tests.factories import EditionFactory, SessionFactory
from tests.factories.attendees import delegate_data, open_registration

SUBMITTED, APPROVED, REJECTED, CHECKED_IN, CANCELLED = (
    RegistrationStatus.SUBMITTED,
    RegistrationStatus.APPROVED,
    RegistrationStatus.REJECTED,
    RegistrationStatus.CHECKED_IN,
    RegistrationStatus.CANCELLED,
)
# Every change of status a registration may go through; any other is refused.
ALLOWED = [
    (SUBMITTED, APPROVED),
    (SUBMITTED, REJECTED),
    (SUBMITTED, CANCELLED),
    (APPROVED, CHECKED_IN),
    (APPROVED, REJECTED),
    (APPROVED, CANCELLED),
    (CANCELLED, SUBMITTED),  # registered again with the same address
]
REFUSED = [(old, new) for old in RegistrationStatus for new in RegistrationStatus if (old, new) not in ALLOWED]

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition():
    return open_registration(EditionFactory())


@pytest.mark.parametrize("end", ["cancel", "reject"])
def test_a_cancelled_or_rejected_registration_cannot_be_updated(edition, end):
    forum = SessionFactory(edition=edition, registration_required=True)
    registration = services.registration_create(edition=edition, data=delegate_data(1))
    getattr(services, f"registration_{end}")(registration=registration)

    with pytest.raises(services.RegistrationError, match="can no longer be changed"):
        services.registration_update(registration=registration, data={"name": "Changed"}, session_ids=[forum.pk])

    registration.refresh_from_db()
    assert registration.name == "Delegate 1"
    assert not registration.choices.exists()


@pytest.mark.parametrize("phone", ["call me", "<b>1234</b>", "=1+1", "12"])
def test_the_phone_format_is_the_models_rule(edition, phone):
    with pytest.raises(ValidationError) as caught:
        services.registration_create(edition=edition, data=delegate_data(1, phone=phone))

    assert "Use digits, spaces and + ( ) - / . only" in caught.value.message_dict["phone"][0]


def test_a_good_phone_number_is_kept(edition):
    registration = services.registration_create(edition=edition, data=delegate_data(1, phone="+86 (571) 1234-5678"))

    assert registration.phone == "+86 (571) 1234-5678"


def test_a_badge_of_another_edition_is_refused_at_the_door(edition):
    other = open_registration(EditionFactory(name="Other Summit"))
    registration = services.registration_create(edition=other, data=delegate_data(1))
    services.registration_approve(registration=registration)

    with pytest.raises(services.RegistrationError, match="this badge is for Other Summit"):
        services.registration_check_in(registration=registration, edition=edition)

    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.APPROVED
    services.registration_check_in(registration=registration, edition=other)
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CHECKED_IN


# -- status transitions ---------------------------------------------------------------------------


def registration_in(edition, status):
    registration = services.registration_create(edition=edition, data=delegate_data(1))
    checked_in_at = timezone.now() if status == CHECKED_IN else None
    Registration.objects.filter(pk=registration.pk).update(status=status, checked_in_at=checked_in_at)
    registration.refresh_from_db()
    return registration


def change_to(registration, new):
    """Ask the service that gives a registration the status `new`."""
    if new == SUBMITTED:
        return services.registration_create(edition=registration.edition, data=delegate_data(1))
    if new == CHECKED_IN:
        return services.registration_check_in(registration=registration)
    service = {
        APPROVED: services.registration_approve,
        REJECTED: services.registration_reject,
        CANCELLED: services.registration_cancel,
    }[new]
    return service(registration=registration)


def transition_id(pair):
    return f"{pair[0]}-to-{pair[1]}"


@pytest.mark.parametrize("old, new", ALLOWED, ids=map(transition_id, ALLOWED))
def test_each_allowed_status_change_is_made_and_recorded(edition, old, new):
    registration = registration_in(edition, old)

    change_to(registration, new)

    registration.refresh_from_db()
    last = StatusChange.objects.filter(registration=registration).latest("pk")
    assert registration.status == new
    assert (last.old_status, last.new_status) == (old, new)


@pytest.mark.parametrize("old, new", REFUSED, ids=map(transition_id, REFUSED))
def test_every_other_status_change_is_refused_and_changes_nothing(edition, old, new):
    registration = registration_in(edition, old)
    recorded = StatusChange.objects.filter(registration=registration).count()

    with pytest.raises(services.RegistrationError):
        change_to(registration, new)

    registration.refresh_from_db()
    assert registration.status == old
    assert StatusChange.objects.filter(registration=registration).count() == recorded


def test_the_table_the_pages_ask_is_the_one_the_services_obey():
    allowed = [(old, new) for old in RegistrationStatus for new in RegistrationStatus if may_become(old, new)]

    assert sorted(allowed) == sorted(ALLOWED)


def test_a_refused_change_names_both_statuses(edition):
    registration = registration_in(edition, CHECKED_IN)

    with pytest.raises(services.RegistrationError) as refused:
        services.registration_cancel(registration=registration)

    assert str(refused.value) == "A registration that is “Checked in” cannot become “Cancelled”."


# -- waiting lists --------------------------------------------------------------------------------


def places(session):
    """Each delegate's place in the session, in the order of the waiting list."""
    choices = SessionChoice.objects.filter(session=session).select_related("registration").order_by("created_at", "pk")
    return [(choice.registration.name, choice.status) for choice in choices]


def test_waitlists_fill_gives_the_free_seats_to_the_next_in_line_and_emails_them(edition, committed):
    forum = SessionFactory(edition=edition, registration_required=True, capacity=1)
    for n in range(1, 5):
        services.registration_create(edition=edition, data=delegate_data(n), session_ids=[forum.pk])
    Session.objects.filter(pk=forum.pk).update(capacity=3)

    promoted = committed(services.waitlists_fill, session_ids=[forum.pk])

    assert [choice.registration.name for choice in promoted] == ["Delegate 2", "Delegate 3"]
    assert places(forum) == [
        ("Delegate 1", ChoiceStatus.SEAT),
        ("Delegate 2", ChoiceStatus.SEAT),
        ("Delegate 3", ChoiceStatus.SEAT),
        ("Delegate 4", ChoiceStatus.WAITLIST),
    ]
    assert sorted(message.to[0] for message in mail.outbox) == ["delegate2@example.org", "delegate3@example.org"]


def test_waitlists_fill_moves_nobody_into_a_full_or_overbooked_session(edition, committed):
    forum = SessionFactory(edition=edition, registration_required=True, capacity=2)
    for n in range(1, 4):
        services.registration_create(edition=edition, data=delegate_data(n), session_ids=[forum.pk])
    Session.objects.filter(pk=forum.pk).update(capacity=1)

    promoted = committed(services.waitlists_fill, session_ids=[forum.pk])

    assert promoted == []
    assert selectors.seats_taken([forum.pk]) == {forum.pk: 2}
    assert mail.outbox == []


@pytest.mark.parametrize(
    "frees_the_seat",
    [
        lambda registration, forum: services.registration_cancel(registration=registration),
        lambda registration, forum: services.registration_reject(registration=registration),
        lambda registration, forum: services.registration_update(registration=registration, data={}, session_ids=[]),
    ],
    ids=["cancelled", "rejected", "session dropped"],
)
def test_every_path_that_frees_a_seat_gives_it_to_the_next_in_line(edition, committed, frees_the_seat):
    forum = SessionFactory(edition=edition, registration_required=True, capacity=1)
    seated, waiting = (
        services.registration_create(edition=edition, data=delegate_data(n), session_ids=[forum.pk]) for n in (1, 2)
    )

    committed(frees_the_seat, seated, forum)

    assert selectors.seats_taken([forum.pk]) == {forum.pk: 1}
    assert SessionChoice.objects.get(registration=waiting).status == ChoiceStatus.SEAT
    assert [message.to for message in mail.outbox if "a seat is free" in message.subject] == [[waiting.email]]
