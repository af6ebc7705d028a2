"""Who sees delegates' personal data, and who may check them in."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from attendees.enums import RegistrationStatus
from tests.factories import EditionFactory
from tests.factories.attendees import RegistrationFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:attendees_registration_changelist")
FILL_RATES = reverse("admin:attendees_registration_fill_rates")
EXPORT = reverse("admin:attendees_registration_export")
CHECKIN = reverse("attendees:checkin")


def staff_in(django_user_model, group, username):
    user = django_user_model.objects.create_user(username, f"{username}@example.org", "pw", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def desk(django_user_model):
    return staff_in(django_user_model, "Registration desk", "desk")


@pytest.fixture
def door(django_user_model):
    return staff_in(django_user_model, "Check-in staff", "door")


@pytest.fixture
def registration():
    return RegistrationFactory(edition=EditionFactory(is_current=True), status=RegistrationStatus.APPROVED)


def test_group_permissions(programme_editor, desk, door):
    assert desk.has_perms(
        [
            "attendees.view_registration",
            "attendees.change_registration",
            "attendees.view_sessionchoice",
            "attendees.view_statuschange",
            "attendees.check_in",
        ]
    )
    assert not desk.has_perm("attendees.delete_registration")
    assert not desk.has_perm("attendees.add_registration")
    assert door.get_all_permissions() == {"attendees.check_in"}
    assert not programme_editor.has_module_perms("attendees")
    assert not programme_editor.has_perm("attendees.check_in")


def test_programme_editor_sees_no_registrations(client, programme_editor, registration):
    client.force_login(programme_editor)

    assert client.get(CHANGELIST).status_code == 403
    assert client.get(reverse("admin:attendees_registration_change", args=[registration.pk])).status_code == 403
    assert client.get(FILL_RATES).status_code == 403
    assert client.get(EXPORT).status_code == 403
    assert client.get(CHECKIN).status_code == 403
    index = client.get(reverse("admin:index"))
    assert index.status_code == 200
    assert CHANGELIST not in index.content.decode()
    assert "Registrations" not in index.content.decode()


def test_check_in_staff_check_in_but_do_not_open_registrations_in_the_admin(client, door, registration):
    client.force_login(door)

    assert client.get(CHECKIN).status_code == 200
    assert client.get(CHANGELIST).status_code == 403
    assert client.get(FILL_RATES).status_code == 403
    assert client.get(EXPORT).status_code == 403
    assert CHANGELIST not in client.get(reverse("admin:index")).content.decode()


def test_registration_desk_reviews_exports_and_checks_in(client, desk, registration):
    client.force_login(desk)

    response = client.get(CHANGELIST, follow=True)
    assert response.status_code == 200
    assert registration.name in response.content.decode()
    actions = dict(response.context["action_form"].fields["action"].choices)
    assert {"approve", "reject", "cancel", "resend_link"} <= set(actions)
    assert client.get(reverse("admin:attendees_registration_change", args=[registration.pk])).status_code == 200
    assert client.get(FILL_RATES).status_code == 200
    assert client.get(EXPORT).status_code == 200
    assert client.get(CHECKIN).status_code == 200
    assert CHANGELIST in client.get(reverse("admin:index")).content.decode()


def test_superuser_sees_everything(organiser_client, registration):
    for url in (CHANGELIST, FILL_RATES, EXPORT, CHECKIN):
        assert organiser_client.get(url, follow=True).status_code == 200
    assert CHANGELIST in organiser_client.get(reverse("admin:index")).content.decode()


def test_anonymous_visitors_are_sent_to_the_admin_login(client):
    response = client.get(CHECKIN)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
    assert "next=/checkin/" in response["Location"]
    assert client.post(CHECKIN, {"q": "x"}).status_code == 302
    assert client.get(CHANGELIST).status_code == 302
