"""The run-of-show in the admin: compact rows, each item's start typed as a time on the session's day."""

import datetime as dt
import zoneinfo

import pytest
from django.forms import inlineformset_factory
from django.urls import reverse

from agenda.admin.run_of_show import RunOfShowFormSet, SessionItemForm, SessionItemInline
from agenda.models import Session, SessionItem
from tests.agenda.admin_forms import in_english
from tests.factories import EditionFactory, PersonFactory, SessionFactory, SessionItemFactory

pytestmark = pytest.mark.django_db

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")
SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")
OUTSIDE = "The item must start within its session’s time."  # the model's words, replaced on the form

ItemFormSet = inlineformset_factory(
    Session,
    SessionItem,
    form=SessionItemForm,
    formset=RunOfShowFormSet,
    fields=SessionItemInline.fields,
    extra=0,
    can_delete=True,
)


def at(edition, day, hour, minute=0):
    """A moment on the edition's `day`-th day (0 is the first), in the edition's zone."""
    return dt.datetime.combine(edition.start_date + dt.timedelta(days=day), dt.time(hour, minute), tzinfo=edition.zone)


def session_from(edition, start, end, **fields):
    return SessionFactory(edition=edition, start=start, end=end, room=None, **fields)


def formset(session, rows, existing=()):
    """The run-of-show as the session's change page posts it: the `existing` items first, then new rows."""
    data = {"items-TOTAL_FORMS": str(len(rows)), "items-INITIAL_FORMS": str(len(existing))}
    for index, row in enumerate(rows):
        row = {"position": str(index), "title": f"Item {index}", "start": "", "duration_minutes": "", **row}
        if index < len(existing):
            row["id"] = str(existing[index].pk)
        for name, value in row.items():
            data[f"items-{index}-{name}"] = value
    return ItemFormSet(in_english(data), instance=session, prefix="items")


def saved(session, rows, existing=()):
    forms = formset(session, rows, existing)
    assert forms.is_valid(), forms.errors
    forms.save()
    return [(item.title, item.start) for item in session.items.order_by("position")]


def start_errors(session, time):
    """The errors on the item's time, then those across its row."""
    forms = formset(session, [{"title": "Keynote", "start": time}])
    assert not forms.is_valid()
    form = forms.forms[0]
    return form.errors["start"] + form.non_field_errors()


# -- typing a time -----------------------------------------------------------------------------------


def test_a_typed_time_is_on_the_session_day_in_the_edition_zone():
    edition = EditionFactory(time_zone="Asia/Shanghai")
    session = session_from(edition, at(edition, 1, 14), at(edition, 1, 17))

    items = saved(session, [{"title": "Opening remarks", "start": "14:00"}, {"title": "Keynote", "start": "14:35"}])

    assert items == [("Opening remarks", at(edition, 1, 14)), ("Keynote", at(edition, 1, 14, 35))]
    assert items[1][1] == dt.datetime(edition.year, 11, 20, 6, 35, tzinfo=dt.UTC)


def test_the_time_is_read_in_the_edition_zone_whatever_zone_is_active(settings):
    settings.TIME_ZONE = "Asia/Tokyo"
    edition = EditionFactory(time_zone="Europe/Berlin")
    session = session_from(edition, at(edition, 0, 9), at(edition, 0, 12))

    items = saved(session, [{"title": "Welcome", "start": "09:15"}])

    assert items == [("Welcome", dt.datetime(edition.year, 11, 19, 9, 15, tzinfo=BERLIN))]


def test_an_item_without_a_time_follows_the_previous_one():
    edition = EditionFactory()
    session = session_from(edition, at(edition, 0, 9), at(edition, 0, 11))

    assert saved(session, [{"title": "Panel", "duration_minutes": "40"}]) == [("Panel", None)]


def test_an_existing_item_shows_its_local_time_as_hours_and_minutes():
    edition = EditionFactory(time_zone="Asia/Shanghai")
    session = session_from(edition, at(edition, 0, 14), at(edition, 0, 17))
    SessionItemFactory(session=session, title="Keynote", start=at(edition, 0, 15, 20))

    form = ItemFormSet(instance=session, prefix="items").forms[0]

    assert form["start"].value() == dt.time(15, 20)
    assert 'value="15:20"' in str(form["start"])


@pytest.mark.parametrize(
    ("typed", "message"),
    [("25:00", "Enter a time as HH:MM, e.g. 14:30."), ("noon", "Enter a time as HH:MM, e.g. 14:30.")],
)
def test_a_time_that_is_no_time_is_refused_plainly(typed, message):
    edition = EditionFactory()
    session = session_from(edition, at(edition, 0, 9), at(edition, 0, 12))

    assert start_errors(session, typed) == [message]


def test_a_time_for_a_session_without_a_valid_start_asks_for_the_start_first():
    edition = EditionFactory()
    unsaved = Session(edition=edition, title="Forum")  # the session form's start was refused

    assert start_errors(unsaved, "09:30") == [
        "Give the session a valid start first: an item’s time is on the session’s day."
    ]


# -- outside the session -----------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["18:00", "13:59", "17:00"])
def test_a_time_outside_the_session_is_refused_with_the_session_span(typed):
    edition = EditionFactory(time_zone="Asia/Shanghai", city="Wuzhen")
    session = session_from(edition, at(edition, 0, 14), at(edition, 0, 17))

    assert start_errors(session, typed) == [
        "The session runs from 14:00 to 17:00 (Wuzhen time, UTC+8): type a time within it.",
    ]
    assert not session.items.exists()


def test_an_item_running_past_the_session_end_is_refused():
    edition = EditionFactory()
    session = session_from(edition, at(edition, 0, 14), at(edition, 0, 17))

    forms = formset(session, [{"title": "Endless panel", "start": "16:30", "duration_minutes": "45"}])

    assert not forms.is_valid()
    assert forms.forms[0].errors["duration_minutes"] == ["The item would run past the end of its session (17:00)."]


def test_an_item_that_follows_the_previous_one_past_the_session_end_is_refused_as_an_import_refuses_it():
    edition = EditionFactory()
    session = session_from(edition, at(edition, 0, 9), at(edition, 0, 10))

    forms = formset(
        session,
        [{"title": "Talks", "start": "09:15", "duration_minutes": "30"}, {"title": "Panel", "duration_minutes": "20"}],
    )

    assert not forms.is_valid()
    assert forms.forms[0].errors == {}
    assert forms.forms[1].errors["duration_minutes"] == ["The item would run past the end of its session (10:00)."]
    assert not session.items.exists()


# -- sessions past midnight --------------------------------------------------------------------------


def test_in_a_session_past_midnight_a_time_before_its_start_is_on_the_next_day():
    edition = EditionFactory(time_zone="Asia/Shanghai")
    session = session_from(edition, at(edition, 0, 22), at(edition, 1, 1), title="Night hackathon finale")

    items = saved(session, [{"title": "Awards", "start": "23:10"}, {"title": "Closing", "start": "00:30"}])

    assert items == [("Awards", at(edition, 0, 23, 10)), ("Closing", at(edition, 1, 0, 30))]


def test_in_a_session_past_midnight_a_time_after_its_end_is_refused_naming_the_next_day():
    edition = EditionFactory(time_zone="Asia/Shanghai", city="Wuzhen")
    session = session_from(edition, at(edition, 0, 22), at(edition, 1, 1))

    assert start_errors(session, "02:00") == [
        "The session runs from 22:00 to 01:00 the next day (Wuzhen time, UTC+8): type a time within it.",
    ]


def test_an_existing_item_after_midnight_shows_and_keeps_its_time():
    edition = EditionFactory(time_zone="Asia/Shanghai")
    session = session_from(edition, at(edition, 0, 22), at(edition, 1, 1))
    item = SessionItemFactory(session=session, title="Closing", start=at(edition, 1, 0, 30))

    assert ItemFormSet(instance=session, prefix="items").forms[0]["start"].value() == dt.time(0, 30)
    items = saved(session, [{"title": "Closing", "start": "00:30", "duration_minutes": "15"}], existing=[item])

    assert items == [("Closing", at(edition, 1, 0, 30))]


# -- the session moves -------------------------------------------------------------------------------


def test_items_follow_their_session_to_another_day_with_the_same_time():
    edition = EditionFactory(time_zone="Asia/Shanghai")
    session = session_from(edition, at(edition, 0, 14), at(edition, 0, 17))
    item = SessionItemFactory(session=session, title="Keynote", start=at(edition, 0, 14, 30))

    session.start, session.end = at(edition, 2, 14), at(edition, 2, 17)  # as the session form posts it
    session.save()
    items = saved(session, [{"title": "Keynote", "start": "14:30", "duration_minutes": "15"}], existing=[item])

    assert items == [("Keynote", at(edition, 2, 14, 30))]


def test_an_untouched_item_of_a_session_over_several_days_keeps_its_day():
    edition = EditionFactory(time_zone="Asia/Shanghai")
    session = session_from(edition, at(edition, 0, 9), at(edition, 2, 18), title="Light of the Internet Expo")
    item = SessionItemFactory(session=session, title="Robotics showcase", start=at(edition, 1, 10))

    items = saved(session, [{"title": "Robotics showcase", "start": "10:00", "duration_minutes": "15"}], [item])

    assert items == [("Robotics showcase", at(edition, 1, 10))]


# -- speakers ----------------------------------------------------------------------------------------


# Speakers of another edition are refused by the admin's field: tests/agenda/test_admin.py.


def test_item_speakers_of_the_edition_are_saved():
    edition = EditionFactory()
    session = session_from(edition, at(edition, 0, 9), at(edition, 0, 12))
    own = PersonFactory(edition=edition, name="Ma Huateng")

    saved(session, [{"title": "Keynote", "start": "09:10", "speakers": [own.pk]}])

    assert list(session.items.get().speakers.all()) == [own]


# -- the session's admin page ------------------------------------------------------------------------


def session_page_data(edition, **items):
    day = edition.start_date.isoformat()
    data = {
        "edition": edition.pk,
        "kind": "sub_forum",
        "title": "Forum on data governance",
        "slug": "data-governance",
        "status": "draft",
        "start_0": day,
        "start_1": "14:00",
        "end_0": day,
        "end_1": "17:00",
        "language": "en",
        "speaker_links-TOTAL_FORMS": "0",
        "speaker_links-INITIAL_FORMS": "0",
        "organiser_links-TOTAL_FORMS": "0",
        "organiser_links-INITIAL_FORMS": "0",
        "items-TOTAL_FORMS": "0",
        "items-INITIAL_FORMS": "0",
    }
    data.update(items)
    return in_english(data)


def test_admin_adds_a_session_with_items_typed_as_times(organiser_client):
    edition = EditionFactory(time_zone="Asia/Shanghai")
    data = session_page_data(
        edition,
        **{
            "items-TOTAL_FORMS": "2",
            "items-0-position": "0",
            "items-0-title": "Opening remarks",
            "items-0-start": "14:00",
            "items-0-duration_minutes": "10",
            "items-1-position": "1",
            "items-1-title": "Keynote",
            "items-1-start": "14:10",
        },
    )

    response = organiser_client.post(reverse("admin:agenda_session_add"), data)

    assert response.status_code == 302
    session = Session.objects.get(slug="data-governance")
    assert [(i.title, i.start) for i in session.items.all()] == [
        ("Opening remarks", at(edition, 0, 14)),
        ("Keynote", at(edition, 0, 14, 10)),
    ]
    page = organiser_client.get(reverse("admin:agenda_session_change", args=[session.pk])).content.decode()
    assert 'name="items-1-start" value="14:10"' in page


def test_admin_refuses_an_item_outside_the_session_on_the_same_page(organiser_client):
    edition = EditionFactory(time_zone="Asia/Shanghai", city="Wuzhen")
    data = session_page_data(
        edition,
        **{
            "items-TOTAL_FORMS": "1",
            "items-0-position": "0",
            "items-0-title": "Late keynote",
            "items-0-start": "18:00",
        },
    )

    response = organiser_client.post(reverse("admin:agenda_session_add"), data)

    text = response.content.decode()
    assert response.status_code == 200
    assert "The session runs from 14:00 to 17:00 (Wuzhen time, UTC+8): type a time within it." in text
    assert OUTSIDE not in text  # said once, with the session's times
    assert not Session.objects.exists()
