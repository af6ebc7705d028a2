"""At the door, check-in staff see what the desk needs, never an email address, and find nobody by email.

Staff who may view registrations (the registration desk, superusers) see and search email addresses as well.
"""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from attendees.enums import RegistrationStatus
from tests.factories import EditionFactory
from tests.factories.attendees import RegistrationFactory

pytestmark = pytest.mark.django_db

CHECKIN = reverse("attendees:checkin")
NOT_A_BADGE = "Not a valid badge code"


def staff_client(client, django_user_model, group):
    user = django_user_model.objects.create_user(group.lower().replace(" ", "-"), password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    client.force_login(user)
    return client


@pytest.fixture
def door_client(client, django_user_model):
    return staff_client(client, django_user_model, "Check-in staff")


@pytest.fixture
def desk_client(client, django_user_model):
    return staff_client(client, django_user_model, "Registration desk")


@pytest.fixture
def edition():
    return EditionFactory(year=2031, is_current=True)


@pytest.fixture
def ngozi(edition):
    return RegistrationFactory(
        edition=edition,
        name="Ngozi Okafor",
        email="n.okafor2031@au.int",
        organisation="African Union",
        category="international",
        status=RegistrationStatus.APPROVED,
    )


def search(client, edition, text):
    """What the door shows after typing `text` and Enter."""
    response = client.post(CHECKIN, {"q": text, "edition": edition.pk})
    assert response.status_code == 302
    return client.get(response["Location"])


def found(page):
    return [match["registration"].name for match in page.context["matches"]]


# -- check-in staff --------------------------------------------------------------------------------


def test_check_in_staff_find_by_name_and_organisation_without_seeing_the_email(door_client, edition, ngozi):
    by_name = search(door_client, edition, "okafor")
    by_organisation = search(door_client, edition, "African")

    assert found(by_name) == ["Ngozi Okafor"]
    assert found(by_organisation) == ["Ngozi Okafor"]
    for page in (by_name, by_organisation):
        text = page.content.decode()
        assert "African Union" in text
        assert "International organisation" in text
        assert "au.int" not in text
        assert "search by name or organisation" in text
        assert "email" not in text.lower()


@pytest.mark.parametrize("typed", ["n.okafor2031@au.int", "au.int", "N.OKAFOR2031"])
def test_check_in_staff_find_nobody_by_email(door_client, edition, ngozi, typed):
    page = search(door_client, edition, typed)

    assert page.context["matches"] == []
    assert "au.int" not in page.content.decode().replace(typed, "")


def test_a_code_shaped_part_of_an_email_is_no_match_for_check_in_staff(door_client, edition, ngozi):
    # A desk that answered with the matches here would confirm the address exists.
    page = search(door_client, edition, "okafor2031")

    text = page.content.decode()
    assert NOT_A_BADGE in text
    assert page.context["query"] == ""
    assert "Ngozi Okafor" not in text


def test_check_in_staff_see_no_email_after_checking_a_delegate_in(door_client, edition, ngozi):
    page = search(door_client, edition, ngozi.badge_code)

    ngozi.refresh_from_db()
    text = page.content.decode()
    assert ngozi.status == RegistrationStatus.CHECKED_IN
    assert "Ngozi Okafor" in text
    assert "African Union" in text
    assert "au.int" not in text
    assert "@" not in door_client.get(CHECKIN, {"format": "json", "edition": edition.pk}).content.decode()


# -- the registration desk and superusers ------------------------------------------------------------


def test_registration_desk_finds_by_email_and_sees_it(desk_client, edition, ngozi):
    page = search(desk_client, edition, "n.okafor2031@au.int")

    assert found(page) == ["Ngozi Okafor"]
    text = page.content.decode()
    assert "n.okafor2031@au.int</span>" in text
    assert "search by name, email or organisation" in text
    assert found(search(desk_client, edition, "okafor2031")) == ["Ngozi Okafor"]  # code-shaped, yet an address


def test_superusers_find_by_email_and_see_it(organiser_client, edition, ngozi):
    page = organiser_client.get(CHECKIN, {"q": "AU.INT", "edition": edition.pk})

    assert found(page) == ["Ngozi Okafor"]
    assert "n.okafor2031@au.int" in page.content.decode()
