"""Who may do what: programme editors edit the expo and awards; only they preview drafts."""

import pytest
from django.contrib.auth.models import AnonymousUser, Group, Permission

from agenda.access import can_preview
from agenda.enums import SessionStatus
from tests.factories import EditionFactory, SessionFactory

pytestmark = pytest.mark.django_db


def staff_in(django_user_model, group, username):
    user = django_user_model.objects.create_user(username, f"{username}@example.org", "pw", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.mark.parametrize(
    "model",
    [
        "expo",
        "hall",
        "exhibit",
        "exhibitpicture",
        "awardprogramme",
        "awardcategory",
        "honouree",
        "competition",
        "competitiontrack",
        "competitionentry",
    ],
)
def test_programme_editors_edit_the_expo_the_awards_and_the_competitions(client, programme_editor, model):
    client.force_login(programme_editor)

    assert programme_editor.has_perm(f"agenda.change_{model}") and programme_editor.has_perm(f"agenda.add_{model}")
    if model not in ("exhibitpicture", "awardcategory", "competitiontrack"):  # edited inline, on their parent
        assert client.get(f"/admin/agenda/{model}/").status_code == 200


@pytest.mark.parametrize("group", ["Check-in staff", "Registration desk"])
def test_desk_staff_do_not_preview_drafts_or_unpublished_editions(client, django_user_model, group):
    edition = EditionFactory(slug="2031")
    SessionFactory(edition=edition, slug="draft-forum", status=SessionStatus.DRAFT)
    EditionFactory(slug="2032", is_published=False)
    client.force_login(staff_in(django_user_model, group, "desk"))

    assert client.get("/2031/sessions/draft-forum/").status_code == 404
    assert client.get("/2032/").status_code == 404


def test_programme_editors_preview_drafts_and_unpublished_editions(client, programme_editor):
    edition = EditionFactory(slug="2031")
    SessionFactory(edition=edition, slug="draft-forum", title="Draft forum", status=SessionStatus.DRAFT)
    EditionFactory(slug="2032", is_published=False)
    client.force_login(programme_editor)

    assert "Draft forum" in client.get("/2031/sessions/draft-forum/").content.decode()
    assert client.get("/2032/").status_code == 200


def test_staff_who_may_change_sessions_but_not_preview_get_404s_for_drafts(client, django_user_model):
    edition = EditionFactory(slug="2031")
    SessionFactory(edition=edition, slug="draft-forum", status=SessionStatus.DRAFT)
    EditionFactory(slug="2032", is_published=False)
    user = django_user_model.objects.create_user("helper", "helper@example.org", "pw", is_staff=True)
    user.user_permissions.add(Permission.objects.get(content_type__app_label="agenda", codename="change_session"))
    client.force_login(user)

    assert client.get("/2031/sessions/draft-forum/").status_code == 404
    assert client.get("/2032/").status_code == 404
    assert client.get("/api/editions/2032/").status_code == 404


def test_preview_is_a_permission_of_the_programme_editors_and_of_superusers(programme_editor, organiser):
    assert [can_preview(programme_editor), can_preview(organiser), can_preview(AnonymousUser())] == [True, True, False]
    assert Group.objects.get(name="Programme editors").permissions.filter(codename="preview_programme").exists()


@pytest.mark.parametrize("group", ["Check-in staff", "Registration desk"])
def test_desk_staff_may_not_preview(django_user_model, group):
    assert can_preview(staff_in(django_user_model, group, "desk")) is False


def test_programme_editors_read_drafts_in_the_api(client, programme_editor):
    edition = EditionFactory(slug="2031")
    SessionFactory(edition=edition, slug="draft-forum", status=SessionStatus.DRAFT)
    client.force_login(programme_editor)

    assert client.get("/api/editions/2031/sessions/draft-forum/").status_code == 200
