"""Rules that hold at the service level, so the admin, the API and the public pages all obey them."""

import pytest
from django.core.exceptions import ValidationError

from attendees import services
from attendees.enums import RegistrationStatus
from tests.factories import EditionFactory, SessionFactory
from tests.factories.attendees import delegate_data, open_registration

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
