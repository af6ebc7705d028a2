"""An organiser builds a sub-forum from scratch in the Django admin, in a real browser."""

import datetime as dt
import re
import zoneinfo

import pytest

from agenda.enums import OrganiserRole, SessionKind, SessionStatus, SpeakerRole
from agenda.models import Edition, Organisation, Person, Room, Session, Topic, Venue
from tests.factories import EditionFactory, SummitFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")


# -- helpers ------------------------------------------------------------------------------------------


def save_and_expect_success(page, expect, button="_save"):
    page.locator(f"input[type=submit][name={button}]").click()
    expect(page.locator(".errornote")).to_have_count(0)
    expect(page.locator("ul.messagelist li.success")).to_contain_text("was added successfully")


def set_slug(page, expect, field_id, slug):
    """Overwrite a slug that the admin prepopulates from another field.

    Focus first: leaving the source field fires its `change` event, which prepopulates the slug; filling
    before that happened would let the prepopulated text be added to the typed one.
    """
    field = page.locator(f"#{field_id}")
    field.focus()
    field.fill(slug)
    expect(field).to_have_value(slug)


def pick_autocomplete(page, expect, select_id, typed, result):
    """Choose `result` in a select2 autocomplete: open it, type part of the name, click the match."""
    select = page.locator(f"select#{select_id}")
    expect(select).to_be_attached()
    widget = page.locator(f"select#{select_id} + span.select2-container")
    widget.locator(".select2-selection").click()
    search = page.locator("span.select2-container--open input.select2-search__field")
    search.fill(typed)
    option = page.locator("span.select2-container--open li.select2-results__option[role=option]", has_text=result)
    expect(option).to_have_count(1)
    option.click()
    expect(widget.locator(".select2-selection__rendered")).to_contain_text(result)
    expect(select.locator("option:checked")).to_contain_text(result)


def add_inline_row(page, expect, group_id, prefix):
    """Click the inline's “Add another …” link and return the index of the new row."""
    total = page.locator(f"input[name={prefix}-TOTAL_FORMS]")
    before = int(total.input_value())
    page.locator(f"#{group_id} .add-row a").click()
    expect(total).to_have_value(str(before + 1))
    return before


# -- the organiser's journey --------------------------------------------------------------------------


def test_organiser_builds_a_sub_forum_from_scratch(admin_page, expect):
    page = admin_page
    summit = SummitFactory()

    # Edition
    page.goto("/admin/agenda/edition/add/")
    page.locator("#id_summit").select_option(label=summit.name)
    page.locator("#id_name_en").fill("2031 World Internet Conference Wuzhen Summit")
    page.locator("#id_year").fill("2031")
    page.locator("#id_ordinal").fill("12th")
    set_slug(page, expect, "id_slug", "2031")
    page.locator("#id_theme_en").fill("Towards an inclusive digital future")
    page.locator("#id_start_date").fill("2031-11-19")
    page.locator("#id_end_date").fill("2031-11-22")
    expect(page.locator("#id_time_zone")).to_have_value("Asia/Shanghai")
    page.locator("#id_is_published").check()
    save_and_expect_success(page, expect)
    edition = Edition.objects.get(slug="2031")
    edition_label = edition.name

    # Venue with one room (the rooms inline)
    page.goto("/admin/agenda/venue/add/")
    page.locator("#id_edition").select_option(label=edition_label)
    page.locator("#id_name_en").fill("Wuzhen Internet International Convention and Exhibition Center")
    set_slug(page, expect, "id_slug", "wiicec")
    page.locator("#id_address_en").fill("Wuzhen, Tongxiang, Zhejiang")
    page.locator("#id_rooms-0-name_en").fill("Lotus Hall")
    set_slug(page, expect, "id_rooms-0-slug", "lotus-hall")
    page.locator("#id_rooms-0-building_en").fill("Main building")
    page.locator("#id_rooms-0-floor").fill("2")
    page.locator("#id_rooms-0-capacity").fill("300")
    save_and_expect_success(page, expect)
    room = Room.objects.get(slug="lotus-hall", venue__edition=edition)

    # Topic
    page.goto("/admin/agenda/topic/add/")
    page.locator("#id_edition").select_option(label=edition_label)
    page.locator("#id_name_en").fill("Artificial Intelligence")
    set_slug(page, expect, "id_slug", "ai")
    save_and_expect_success(page, expect)
    topic = Topic.objects.get(edition=edition, slug="ai")

    # Organisation
    page.goto("/admin/agenda/organisation/add/")
    page.locator("#id_edition").select_option(label=edition_label)
    page.locator("#id_name_en").fill("Open Networks Institute")
    set_slug(page, expect, "id_slug", "open-networks-institute")
    page.locator("#id_kind").select_option(label="Think tank")
    page.locator("#id_website").fill("https://example.org/")
    save_and_expect_success(page, expect)
    organisation = Organisation.objects.get(edition=edition, slug="open-networks-institute")

    # Two people; the first works for the organisation (itself an autocomplete on the person form)
    people = [("Amara Okafor", "amara-okafor", "Chief Scientist"), ("Liu Wenjing", "liu-wenjing", "Professor")]
    for index, (name, slug, title) in enumerate(people):
        page.goto("/admin/agenda/person/add/")
        page.locator("#id_edition").select_option(label=edition_label)
        page.locator("#id_name_en").fill(name)
        page.locator("#id_title_en").fill(title)
        # The admin fills the slug in from the name.
        expect(page.locator("#id_slug")).to_have_value(slug)
        if index == 0:
            pick_autocomplete(page, expect, "id_organisation", "Open Net", organisation.name)
        save_and_expect_success(page, expect)
    amara = Person.objects.get(edition=edition, slug="amara-okafor")
    liu = Person.objects.get(edition=edition, slug="liu-wenjing")
    assert amara.organisation == organisation

    # The sub-forum itself
    page.goto("/admin/agenda/session/add/")
    page.locator("#id_edition").select_option(label=edition_label)
    page.locator("#id_kind").select_option(label="Sub-forum")
    page.locator("#id_title_en").fill("Sub-forum on AI Governance")
    set_slug(page, expect, "id_slug", "ai-governance")
    page.locator("#id_start_0").fill("2031-11-20")
    page.locator("#id_start_1").fill("14:00")
    page.locator("#id_end_0").fill("2031-11-20")
    page.locator("#id_end_1").fill("16:30")
    pick_autocomplete(page, expect, "id_room", "Lotus", room.name)
    pick_autocomplete(page, expect, "id_topic", "Artif", topic.name)
    page.locator("#id_description_en").fill("Experts discuss how to govern artificial intelligence.")

    # Speakers, in order: the inline starts with one empty row, the second is added
    pick_autocomplete(page, expect, "id_speaker_links-0-person", "Amara", amara.name)
    page.locator("#id_speaker_links-0-role").select_option(label="Keynote")
    page.locator("#id_speaker_links-0-position").fill("1")
    row = add_inline_row(page, expect, "speaker_links-group", "speaker_links")
    pick_autocomplete(page, expect, f"id_speaker_links-{row}-person", "Liu", liu.name)
    page.locator(f"#id_speaker_links-{row}-role").select_option(label="Panelist")
    page.locator(f"#id_speaker_links-{row}-position").fill("2")

    # Organiser
    pick_autocomplete(page, expect, "id_organiser_links-0-organisation", "Networks", organisation.name)
    page.locator("#id_organiser_links-0-role").select_option(label="Host")

    # Run-of-show (no empty row until one is added)
    item = add_inline_row(page, expect, "items-group", "items")
    page.locator(f"#id_items-{item}-position").fill("1")
    page.locator(f"#id_items-{item}-title_en").fill("Opening remarks")
    page.locator(f"#id_items-{item}-duration_minutes").fill("10")

    page.locator("input[type=submit][name=_save]").click()
    expect(page.locator(".errornote")).to_have_count(0)
    expect(page.locator("ul.messagelist li.success")).to_contain_text(
        re.compile(r"The session “Sub-forum on AI Governance” was added successfully")
    )
    expect(page.locator("ul.messagelist li.warning")).to_have_count(0)
    expect(page.locator("#result_list")).to_contain_text("Sub-forum on AI Governance")

    session = Session.objects.get(edition=edition, slug="ai-governance")
    assert session.title == "Sub-forum on AI Governance"
    assert session.kind == SessionKind.SUB_FORUM
    assert session.status == SessionStatus.DRAFT
    assert session.room == room
    assert session.venue is None
    assert session.topic == topic
    assert session.start == dt.datetime(2031, 11, 20, 14, 0, tzinfo=SHANGHAI)
    assert session.end == dt.datetime(2031, 11, 20, 16, 30, tzinfo=SHANGHAI)
    assert [(link.person, link.role, link.position) for link in session.speaker_links.all()] == [
        (amara, SpeakerRole.KEYNOTE, 1),
        (liu, SpeakerRole.PANELIST, 2),
    ]
    assert list(session.speakers.order_by("speaker_links__position")) == [amara, liu]
    assert [(link.organisation, link.role) for link in session.organiser_links.all()] == [
        (organisation, OrganiserRole.HOST)
    ]
    assert [(i.title, i.position, i.duration_minutes, i.start) for i in session.items.all()] == [
        ("Opening remarks", 1, 10, None)
    ]
    assert Venue.objects.filter(edition=edition).count() == 1


def test_session_ending_before_it_starts_is_refused(admin_page, expect):
    page = admin_page
    edition = EditionFactory(
        summit=SummitFactory(),
        year=2031,
        name="2031 Wuzhen Summit",
        slug="2031",
        start_date=dt.date(2031, 11, 19),
        end_date=dt.date(2031, 11, 22),
    )
    title = "Sub-forum that ends before it starts"

    page.goto("/admin/agenda/session/add/")
    page.locator("#id_edition").select_option(label=edition.name)
    page.locator("#id_kind").select_option(label="Sub-forum")
    page.locator("#id_title_en").fill(title)
    set_slug(page, expect, "id_slug", "backwards")
    page.locator("#id_start_0").fill("2031-11-20")
    page.locator("#id_start_1").fill("16:00")
    page.locator("#id_end_0").fill("2031-11-20")
    page.locator("#id_end_1").fill("15:00")
    page.locator("input[type=submit][name=_save]").click()

    expect(page.locator(".errornote")).to_be_visible()
    expect(page.locator("ul.errorlist")).to_contain_text("The session must end after it starts.")
    expect(page.locator("#id_title_en")).to_have_value(title)
    expect(page.locator("#id_start_1")).to_have_value("16:00")
    expect(page.locator("ul.messagelist li.success")).to_have_count(0)
    assert not Session.objects.exists()
