import pytest
from django.core.management import CommandError, call_command

from agenda.models import Edition, Person, Room, Session, SessionItem
from agenda.selectors import clashing_sessions

pytestmark = pytest.mark.django_db


def test_generate_summit_creates_an_edition_of_the_requested_size():
    call_command("generate_summit", slug="bench", days=4, rooms=30, sessions=600, speakers=1200)

    edition = Edition.objects.get(slug="bench")
    sessions = Session.objects.filter(edition=edition)
    assert sessions.count() == 600
    assert Room.objects.filter(venue__edition=edition).count() == 30
    assert Person.objects.filter(edition=edition).count() == 1200
    assert {s.start.astimezone(edition.zone).date() for s in sessions} == set(edition.days)
    assert SessionItem.objects.filter(session__edition=edition).count() == 1800
    assert clashing_sessions(sessions).room == frozenset()
    assert clashing_sessions(sessions).speaker == frozenset()
    for session in sessions.select_related("edition"):
        session.full_clean()


def test_generate_summit_refuses_to_overwrite_without_replace():
    call_command("generate_summit", slug="bench", sessions=10, rooms=2, speakers=10, days=1)

    with pytest.raises(CommandError, match="add --replace"):
        call_command("generate_summit", slug="bench", sessions=10, rooms=2, speakers=10, days=1)
    call_command("generate_summit", slug="bench", sessions=20, rooms=2, speakers=10, days=1, replace=True)

    assert Session.objects.filter(edition__slug="bench").count() == 20
    assert Edition.objects.filter(slug="bench").count() == 1


def test_generate_summit_fits_many_sessions_into_few_rooms_without_clashes():
    call_command("generate_summit", slug="dense", sessions=100, rooms=2, speakers=300, days=2)

    sessions = Session.objects.filter(edition__slug="dense")
    assert sessions.count() == 100
    assert clashing_sessions(sessions).room == frozenset()
    for session in sessions.select_related("edition"):
        session.full_clean()
