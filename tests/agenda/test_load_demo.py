import datetime as dt
import io

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command

from agenda.enums import OrganiserRole, SessionKind
from agenda.models import Edition, Person, Session, SessionItem, SessionOrganiser, SessionSpeaker
from agenda.selectors import clashing_sessions
from tests.factories.agenda import EditionFactory


def load_demo(*args):
    out = io.StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


def snapshot():
    """Counts of every agenda table (with the item-speaker join table) and the values that matter."""
    counts = {model.__name__: model.objects.count() for model in apps.get_app_config("agenda").get_models()}
    counts["SessionItem.speakers"] = SessionItem.speakers.through.objects.count()
    sessions = set(
        Session.objects.values_list(
            "edition__slug", "slug", "title", "start", "end", "room__slug", "venue__slug", "updated_at"
        )
    )
    people = set(Person.objects.values_list("edition__slug", "slug", "title", "organisation__slug", "is_sample"))
    speakers = set(SessionSpeaker.objects.values_list("session__slug", "person__slug", "role", "position"))
    items = set(SessionItem.objects.values_list("session__slug", "position", "title", "duration_minutes", "start"))
    return counts, sessions, people, speakers, items


@pytest.mark.django_db
def test_load_demo_creates_four_editions_with_2024_current():
    load_demo()

    editions = {e.slug: e for e in Edition.objects.all()}
    assert set(editions) == {"2017", "2022", "2023", "2024"}
    assert Edition.objects.current() == editions["2024"]
    assert all(e.is_published and e.summit.slug == "wic" for e in editions.values())
    assert editions["2017"].ordinal == "4th"
    assert (editions["2017"].start_date, editions["2017"].end_date) == (dt.date(2017, 12, 3), dt.date(2017, 12, 5))
    assert (editions["2024"].start_date, editions["2024"].end_date) == (dt.date(2024, 11, 19), dt.date(2024, 11, 22))
    assert editions["2024"].name == "2024 World Internet Conference Wuzhen Summit"
    assert editions["2024"].time_zone == "Asia/Shanghai"


@pytest.mark.django_db
def test_load_demo_sub_forums_match_the_reported_counts():
    load_demo()

    sub_forums = Session.objects.filter(kind=SessionKind.SUB_FORUM)
    assert sub_forums.filter(edition__slug="2023").count() == 20
    assert sub_forums.filter(edition__slug="2024").count() == 24
    assert not sub_forums.filter(registration_required=False).exists()
    assert not sub_forums.filter(capacity__isnull=True).exists()


@pytest.mark.django_db
def test_load_demo_twice_changes_nothing():
    first_output = load_demo()
    before = snapshot()

    second_output = load_demo()

    assert snapshot() == before
    assert "0 created, 0 updated, 0 removed" in second_output
    assert first_output.count("\n") == second_output.count("\n")


@pytest.mark.django_db
def test_load_demo_robin_li_is_chairman_of_baidu():
    load_demo("--edition", "2023")

    robin_li = Person.objects.get(edition__slug="2023", slug="robin-li")
    assert robin_li.name == "Robin Li"
    assert robin_li.title == "Chairman"
    assert robin_li.organisation.name == "Baidu"
    assert robin_li.organisation.country == "CN"


@pytest.mark.django_db
def test_load_demo_people_placed_in_an_invented_edition_are_sample():
    load_demo()

    assert Person.objects.get(edition__slug="2023", slug="robin-li").is_sample is False
    assert Person.objects.get(edition__slug="2024", slug="robin-li").is_sample is True
    assert Person.objects.get(edition__slug="2024", slug="ren-xianliang").is_sample is False


@pytest.mark.django_db
def test_load_demo_sharing_economy_2017_has_its_reported_organisers():
    load_demo("--edition", "2017")

    session = Session.objects.get(edition__slug="2017", slug="sharing-economy")
    links = {(link.organisation.slug, link.role) for link in SessionOrganiser.objects.filter(session=session)}
    assert ("undp", OrganiserRole.ORGANISER) in links
    assert ("state-information-center", OrganiserRole.ORGANISER) in links
    assert ("didi-chuxing", OrganiserRole.CO_ORGANISER) in links


@pytest.mark.django_db
def test_load_demo_fintech_2017_is_sponsored_by_pboc_and_xinhua():
    load_demo("--edition", "2017")

    session = Session.objects.get(edition__slug="2017", slug="fintech")
    sponsors = session.organiser_links.filter(role=OrganiserRole.SPONSOR).values_list("organisation__slug", flat=True)
    assert set(sponsors) == {"peoples-bank-of-china", "xinhua"}


@pytest.mark.django_db
def test_load_demo_has_no_room_or_speaker_clashes():
    load_demo()

    clashes = clashing_sessions(Session.objects.all())

    assert Session.objects.count() > 50
    assert clashes.room == frozenset()
    assert clashes.speaker == frozenset()


@pytest.mark.django_db
def test_load_demo_clash_check_sees_a_session_moved_onto_another():
    # Guards the test above: the same check does flag clashes once the demo has one.
    load_demo("--edition", "2023")
    ai = Session.objects.get(edition__slug="2023", slug="artificial-intelligence")
    ai_governance = Session.objects.get(edition__slug="2023", slug="responsible-generative-ai")
    ai_governance.room = ai.room
    ai_governance.save()
    SessionSpeaker.objects.create(session=ai_governance, person=ai.speakers.get(slug="robin-li"))

    clashes = clashing_sessions(Session.objects.all())

    cybersecurity = Session.objects.get(edition__slug="2023", slug="cybersecurity")
    assert {ai.pk, ai_governance.pk} <= clashes.room
    assert clashes.speaker == {ai.pk, ai_governance.pk}
    assert cybersecurity.pk not in clashes.room


@pytest.mark.django_db
def test_load_demo_sessions_fall_within_their_edition_days():
    load_demo()

    for session in Session.objects.select_related("edition"):
        zone = session.edition.zone
        assert session.start < session.end
        assert session.edition.start_date <= session.start.astimezone(zone).date()
        assert session.end.astimezone(zone).date() <= session.edition.end_date
    # The 2024 press conference in Beijing (Oct 24) is told in the description, not scheduled.
    edition_2024 = Edition.objects.get(slug="2024")
    assert "Oct 24" in edition_2024.description
    assert not Session.objects.filter(kind=SessionKind.PRESS_CONFERENCE).exists()


@pytest.mark.django_db
def test_load_demo_lunch_break_spans_a_whole_venue():
    load_demo()

    breaks = Session.objects.filter(kind=SessionKind.BREAK)
    assert breaks.exists()
    assert all(b.venue_id and b.room_id is None for b in breaks)


@pytest.mark.django_db
def test_load_demo_sub_forums_have_a_run_of_show():
    load_demo()

    for slug in ["2023", "2024"]:
        with_items = Session.objects.filter(edition__slug=slug, kind=SessionKind.SUB_FORUM, items__isnull=False)
        assert with_items.distinct().count() >= 3
    item = SessionItem.objects.get(session__edition__slug="2023", session__slug="artificial-intelligence", position=2)
    assert [p.slug for p in item.speakers.all()] == ["robin-li"]


@pytest.mark.django_db
def test_load_demo_with_edition_loads_only_that_edition():
    output = load_demo("--edition", "2023")

    assert list(Edition.objects.values_list("slug", flat=True)) == ["2023"]
    assert output.startswith("2023: ")


@pytest.mark.django_db
def test_load_demo_with_unknown_edition_fails():
    with pytest.raises(CommandError):
        load_demo("--edition", "1999")


@pytest.mark.django_db
def test_load_demo_takes_over_the_current_edition():
    other = EditionFactory(is_current=True)

    load_demo("--edition", "2024")

    other.refresh_from_db()
    assert other.is_current is False
    assert Edition.objects.current().slug == "2024"


@pytest.mark.django_db
def test_load_demo_again_restores_edited_demo_sessions():
    load_demo("--edition", "2023")
    session = Session.objects.get(edition__slug="2023", slug="artificial-intelligence")
    session.title = "Edited"
    session.save()
    session.speaker_links.filter(person__slug="robin-li").delete()
    session.items.filter(position=1).delete()
    SessionSpeaker.objects.create(session=session, person=Person.objects.get(edition=session.edition, slug="li-yi"))

    output = load_demo("--edition", "2023")

    session.refresh_from_db()
    assert session.title == "Sub-forum: Artificial Intelligence"
    assert set(session.speaker_links.values_list("person__slug", flat=True)) == {
        "robin-li",
        "wu-yongming",
        "francis-gurry",
    }
    assert list(session.items.values_list("position", flat=True)) == [1, 2, 3, 4]
    assert "1 removed" in output
