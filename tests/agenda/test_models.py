import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from agenda.enums import EditionPhase, SessionStatus
from agenda.models import Edition, Session, SessionItem
from tests.factories import (
    AwardProgrammeFactory,
    EditionFactory,
    ExhibitFactory,
    ExpoFactory,
    HonoureeFactory,
    OrganisationFactory,
    PersonFactory,
    RoomFactory,
    SessionFactory,
    SessionSpeakerFactory,
    VenueFactory,
)

pytestmark = pytest.mark.django_db


def shanghai(edition, day, hour, minute=0):
    return dt.datetime.combine(edition.start_date + dt.timedelta(days=day), dt.time(hour, minute), tzinfo=edition.zone)


def test_session_ending_before_it_starts_is_rejected_by_the_database():
    session = SessionFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        Session.objects.filter(pk=session.pk).update(end=session.start - dt.timedelta(minutes=1))

    session.refresh_from_db()
    assert session.end > session.start


def test_session_ending_when_it_starts_is_rejected_by_the_database():
    session = SessionFactory.build(edition=EditionFactory(), room=None)
    session.end = session.start

    with pytest.raises(IntegrityError), transaction.atomic():
        session.save()

    assert Session.objects.count() == 0


def test_session_ending_before_it_starts_gets_a_clear_message():
    session = SessionFactory.build(edition=EditionFactory(), room=None)
    session.end = session.start - dt.timedelta(hours=1)

    with pytest.raises(ValidationError) as error:
        session.full_clean()

    assert error.value.message_dict["end"] == ["The session must end after it starts."]


def test_session_in_a_room_and_a_whole_venue_is_rejected_by_the_database():
    session = SessionFactory()
    session.venue = session.room.venue

    with pytest.raises(IntegrityError), transaction.atomic():
        session.save()


def test_session_slug_is_unique_within_an_edition_only():
    first = SessionFactory(slug="ai-governance")
    SessionFactory(slug="ai-governance")  # another edition: allowed

    with pytest.raises(IntegrityError), transaction.atomic():
        SessionFactory(edition=first.edition, slug="ai-governance")


def test_session_outside_the_edition_days_is_rejected_in_the_edition_time_zone():
    edition = EditionFactory(start_date=dt.date(2024, 11, 19), end_date=dt.date(2024, 11, 22))
    # 23:30 on the 18th in Wuzhen is still the day before the summit, although it is the 18th 15:30 UTC.
    too_early = SessionFactory.build(edition=edition, room=None, start=shanghai(edition, -1, 23, 30))
    too_early.end = too_early.start + dt.timedelta(hours=1)
    # 00:30 on the 19th in Wuzhen is the 18th in UTC, and inside the summit.
    just_in = SessionFactory.build(edition=edition, room=None, start=shanghai(edition, 0, 0, 30))
    just_in.end = just_in.start + dt.timedelta(hours=1)

    with pytest.raises(ValidationError) as error:
        too_early.full_clean()
    just_in.full_clean()

    assert "within the edition’s dates" in str(error.value)
    assert just_in.start.astimezone(dt.UTC).date() == dt.date(2024, 11, 18)


def test_session_cannot_use_a_room_of_another_edition():
    session = SessionFactory.build(edition=EditionFactory(), room=RoomFactory())

    with pytest.raises(ValidationError) as error:
        session.full_clean()

    assert "belongs to another edition" in error.value.message_dict["room"][0]


def test_room_of_another_edition_is_named_with_the_same_words_as_other_choices():
    session = SessionFactory.build(edition=EditionFactory(), room=RoomFactory(name="Forum Hall A"))

    with pytest.raises(ValidationError) as error:
        session.full_clean()

    assert error.value.message_dict["room"] == ["Room “Forum Hall A” belongs to another edition."]


def test_award_ceremony_of_another_edition_is_refused():
    programme = AwardProgrammeFactory.build(
        edition=EditionFactory(), ceremony=SessionFactory(title="Opening"), slug="award"
    )

    with pytest.raises(ValidationError) as error:
        programme.full_clean()

    assert error.value.message_dict["ceremony"] == ["Ceremony “Opening” belongs to another edition."]


@pytest.mark.parametrize("field", ["person", "organisation"])
def test_honouree_of_another_edition_is_refused(field):
    programme = AwardProgrammeFactory()
    other = PersonFactory(name="Robin Li") if field == "person" else OrganisationFactory(name="Robin Li")
    honouree = HonoureeFactory.build(programme=programme, **{"person": None, field: other})

    with pytest.raises(ValidationError) as error:
        honouree.full_clean()

    assert error.value.message_dict[field] == [f"{field.title()} “Robin Li” belongs to another edition."]


def test_exhibitor_of_another_edition_is_refused():
    exhibit = ExhibitFactory.build(expo=ExpoFactory(), exhibitor=OrganisationFactory(name="Baidu"), slug="robot")

    with pytest.raises(ValidationError) as error:
        exhibit.full_clean()

    assert error.value.message_dict["exhibitor"] == ["Exhibitor “Baidu” belongs to another edition."]


def test_speaker_from_another_edition_is_refused():
    link = SessionSpeakerFactory.build(session=SessionFactory(), person=PersonFactory())

    with pytest.raises(ValidationError) as error:
        link.full_clean()

    assert "belongs to another edition" in error.value.message_dict["person"][0]


def test_person_organisation_must_be_of_the_same_edition():
    person = PersonFactory.build(edition=EditionFactory(), organisation=OrganisationFactory())

    with pytest.raises(ValidationError):
        person.full_clean()


def test_edition_ending_before_it_starts_is_rejected_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        EditionFactory(start_date=dt.date(2024, 11, 22), end_date=dt.date(2024, 11, 19))


def test_only_one_edition_can_be_current():
    EditionFactory(is_current=True)

    with pytest.raises(IntegrityError), transaction.atomic():
        EditionFactory(is_current=True)

    assert Edition.objects.filter(is_current=True).count() == 1


def test_unknown_time_zone_is_refused():
    edition = EditionFactory.build(time_zone="Asia/Wuzhen")

    with pytest.raises(ValidationError) as error:
        edition.full_clean(exclude=["summit"])

    assert "is not a known time zone" in error.value.message_dict["time_zone"][0]


def test_room_slug_is_unique_within_the_edition_across_venues():
    room = RoomFactory(slug="main-hall")
    other_venue = VenueFactory(edition=room.venue.edition)
    clash = RoomFactory.build(venue=other_venue, slug="main-hall")

    with pytest.raises(ValidationError) as error:
        clash.full_clean()

    assert error.value.message_dict["slug"] == ["Another room of this edition already uses this slug."]


def test_run_of_show_item_needs_a_start_or_a_duration():
    session = SessionFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        SessionItem.objects.create(session=session, title="Opening remarks")


def test_run_of_show_item_must_start_within_its_session():
    session = SessionFactory()
    item = SessionItem(session=session, title="Late keynote", start=session.end + dt.timedelta(minutes=5))

    with pytest.raises(ValidationError) as error:
        item.full_clean()

    assert error.value.message_dict["start"] == ["The item must start within its session’s time."]


def test_session_guid_is_stable_for_edition_and_slug():
    session = SessionFactory(status=SessionStatus.PUBLISHED)
    again = Session.objects.get(pk=session.pk)

    assert session.guid == again.guid
    assert session.guid != SessionFactory(edition=session.edition).guid


def test_deleting_an_edition_removes_its_programme_and_expo():
    from agenda.models import Exhibit
    from tests.factories.expo import ExhibitFactory

    exhibit = ExhibitFactory()
    edition = exhibit.expo.edition
    SessionFactory(edition=edition)

    edition.delete()

    assert Exhibit.objects.count() == 0 and Session.objects.count() == 0


@pytest.mark.parametrize(
    ("moment", "phase"),
    [
        # 2024-11-18 23:59 in Wuzhen is still the day before the summit, though 15:59 UTC.
        (dt.datetime(2024, 11, 18, 15, 59, tzinfo=dt.UTC), EditionPhase.AHEAD),
        (dt.datetime(2024, 11, 18, 16, 0, tzinfo=dt.UTC), EditionPhase.ON),
        (dt.datetime(2024, 11, 22, 15, 59, tzinfo=dt.UTC), EditionPhase.ON),
        (dt.datetime(2024, 11, 22, 16, 0, tzinfo=dt.UTC), EditionPhase.PAST),
    ],
)
def test_edition_phase_is_judged_by_the_day_in_the_edition_time_zone(moment, phase):
    edition = EditionFactory.build(start_date=dt.date(2024, 11, 19), end_date=dt.date(2024, 11, 22))

    assert edition.phase_at(moment) == phase


@pytest.mark.parametrize(
    ("start", "end", "label"),
    [
        (dt.date(2024, 11, 19), dt.date(2024, 11, 22), "19–22 November 2024"),
        (dt.date(2024, 11, 30), dt.date(2024, 12, 2), "30 November – 2 December 2024"),
        (dt.date(2024, 12, 31), dt.date(2025, 1, 1), "31 December 2024 – 1 January 2025"),
        (dt.date(2024, 11, 19), dt.date(2024, 11, 19), "19 November 2024"),
    ],
)
def test_edition_dates_label_names_each_month_and_year_once(start, end, label):
    assert EditionFactory.build(start_date=start, end_date=end).dates_label == label


@pytest.mark.django_db
def test_an_edition_whose_registration_closes_before_it_opens_is_refused_on_that_field():
    edition = EditionFactory.build(
        registration_opens_at=dt.datetime(2031, 9, 1, tzinfo=dt.UTC),
        registration_closes_at=dt.datetime(2031, 8, 1, tzinfo=dt.UTC),
        end_date=dt.date(2030, 1, 1),
    )
    with pytest.raises(ValidationError) as caught:
        edition.clean()

    assert caught.value.message_dict["registration_closes_at"] == ["Registration must close after it opens."]
    assert "end_date" in caught.value.message_dict


@pytest.mark.parametrize(
    ("start", "end", "label"),
    [
        (dt.date(2024, 11, 19), dt.date(2024, 11, 22), "2024年11月19日至22日"),
        (dt.date(2024, 11, 30), dt.date(2024, 12, 2), "2024年11月30日至12月2日"),
        (dt.date(2024, 12, 30), dt.date(2025, 1, 2), "2024年12月30日至2025年1月2日"),
    ],
)
def test_edition_dates_label_in_chinese_reads_year_month_day(start, end, label):
    with translation.override("zh-hans"):
        assert EditionFactory.build(start_date=start, end_date=end).dates_label == label
