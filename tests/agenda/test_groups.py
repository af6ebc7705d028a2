import pytest
from django.contrib.auth.models import Group

pytestmark = pytest.mark.django_db


def test_staff_groups_exist_after_migrations():
    assert set(Group.objects.values_list("name", flat=True)) >= {
        "Programme editors",
        "Registration desk",
        "Check-in staff",
    }


def test_programme_editors_may_change_the_programme_and_nothing_else(programme_editor):
    assert programme_editor.has_perm("agenda.change_session")
    assert programme_editor.has_perm("agenda.add_person")
    assert programme_editor.has_perm("agenda.delete_sessionitem")
    assert not programme_editor.has_perm("auth.change_user")
    assert not programme_editor.has_perm("auth.change_group")
