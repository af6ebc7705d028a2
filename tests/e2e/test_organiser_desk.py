"""The organisers' desk end to end, in a real browser: open registration, build a sub-forum with the edition's
rooms and people, see its clash once, raise a full sub-forum's capacity and watch seats, mail and dashboard follow."""

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from agenda.enums import SessionKind
from agenda.models import Session
from attendees import outbox, services
from attendees.enums import ChoiceStatus
from attendees.models import SessionChoice
from tests.e2e.conftest import autocomplete_options
from tests.factories import EditionFactory, PersonFactory, RoomFactory, SessionFactory, SummitFactory, VenueFactory
from tests.factories.attendees import delegate_data

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

CENTER = "Wuzhen Internet International Convention and Exhibition Center"


def edition_with_hall_and_speaker(summit, year, start, **extra):
    edition = EditionFactory(
        summit=summit,
        year=year,
        slug=str(year),
        name=f"{year} Wuzhen Summit",
        start_date=start,
        end_date=start + dt.timedelta(days=2),
        **extra,
    )
    hall = RoomFactory(venue=VenueFactory(edition=edition, name=CENTER), name="Forum Hall A")
    PersonFactory(edition=edition, name="Amara Okafor", slug="amara-okafor")
    return edition, hall


def test_an_organiser_runs_the_desk_of_one_edition(admin_page, expect):
    page = admin_page
    summit = SummitFactory()
    start = timezone.localdate() + dt.timedelta(days=60)
    edition_with_hall_and_speaker(summit, start.year - 1, start - dt.timedelta(days=365))
    edition, hall = edition_with_hall_and_speaker(summit, start.year, start, is_current=True)
    nine = dt.datetime.combine(start, dt.time(9, 0), tzinfo=edition.zone)
    full = SessionFactory(
        edition=edition,
        room=hall,
        title="Sub-forum on AI Governance",
        kind=SessionKind.SUB_FORUM,
        registration_required=True,
        capacity=2,
        start=nine,
        end=nine + dt.timedelta(hours=2),
    )

    # 1. Registration is opened on the edition form, in the edition's zone.
    page.goto(f"/admin/agenda/edition/{edition.pk}/change/")
    opens = timezone.localtime(timezone.now() - dt.timedelta(days=1), edition.zone)
    page.locator("#id_registration_opens_at_0").fill(opens.strftime("%Y-%m-%d"))
    page.locator("#id_registration_opens_at_1").fill("00:00")
    page.locator("#id_registration_cap").fill("800")
    page.locator("input[type=submit][name=_save]").click()
    expect(page.locator("ul.messagelist li.success")).to_contain_text("was changed successfully")
    edition.refresh_from_db()
    assert (edition.registration_cap, edition.registration_opens_at) == (
        800,
        opens.replace(hour=0, minute=0, second=0, microsecond=0),
    )

    # Three delegates choose the two-seat sub-forum: the third waits.
    for n in range(3):
        services.registration_create(edition=edition, data=delegate_data(n), session_ids=[full.pk])
    first_waiting = SessionChoice.objects.get(session=full, status=ChoiceStatus.WAITLIST).registration

    # 2. A new sub-forum starts in the working edition; rooms and people are this edition's only.
    page.goto("/admin/agenda/session/add/")
    expect(page.locator("#id_edition option:checked")).to_have_text(edition.name)
    page.locator("#id_kind").select_option(label="Sub-forum")
    page.locator("#id_title_en").fill("Sub-forum on Data Governance")
    page.locator("#id_start_0").fill(start.isoformat())
    page.locator("#id_start_1").fill("10:00")
    page.locator("#id_end_0").fill(start.isoformat())
    page.locator("#id_end_1").fill("12:00")
    rooms = autocomplete_options(page, expect, "id_room", "Forum")
    expect(rooms).to_have_count(1)
    expect(rooms).to_have_text(f"Forum Hall A · {CENTER} · {start.year}")
    rooms.click()
    people = autocomplete_options(page, expect, "id_speaker_links-0-person", "Amara")
    expect(people).to_have_count(1)
    expect(people).to_contain_text(str(start.year))
    people.click()

    # 3. It overlaps the other sub-forum in Forum Hall A: one warning, and still one after "Save and continue".
    page.locator("input[type=submit][name=_continue]").click()
    expect(page.locator("ul.messagelist li.success")).to_contain_text("was added successfully")
    clash = page.locator("ul.messagelist li.warning", has_text="Room clash")
    expect(clash).to_have_count(1)
    expect(clash).to_contain_text("Sub-forum on AI Governance")
    page.locator("input[type=submit][name=_continue]").click()
    expect(page.locator("ul.messagelist li.success")).to_contain_text("was changed successfully")
    expect(page.locator("ul.messagelist li.warning", has_text="Room clash")).to_have_count(1)
    created = Session.objects.get(title="Sub-forum on Data Governance")
    assert (created.edition, created.room, [p.name for p in created.speakers.all()]) == (
        edition,
        hall,
        ["Amara Okafor"],
    )

    # 4. The full sub-forum gets a third seat: the first waiting delegate takes it and is emailed.
    outbox.drain()  # the emails of the registrations above, as the worker sends them
    mail.outbox.clear()
    page.goto(f"/admin/agenda/session/{full.pk}/change/")
    page.locator("#id_capacity").fill("3")
    page.locator("input[type=submit][name=_save]").click()
    expect(page.locator("ul.messagelist")).to_contain_text("1 delegate moved from the waiting list")
    assert SessionChoice.objects.get(session=full, registration=first_waiting).status == ChoiceStatus.SEAT
    outbox.drain()
    assert [message.to for message in mail.outbox] == [[first_waiting.email]]

    # 5. The dashboard shows the new figures.
    page.goto("/admin/")
    expect(page.locator("#wic-dash-title")).to_contain_text(edition.name)
    row = page.locator(f"#wic-dash-fill tr[data-session='{full.pk}']")
    expect(row.locator(".seats")).to_have_text("3 / 3")
    expect(row.locator(".waiting")).to_have_text("0")
    expect(page.locator("#wic-dash-awaiting .wic-dash-figure")).to_have_text("3")
    expect(page.locator("#wic-dash-changes li").first).to_contain_text("Sub-forum on AI Governance")
