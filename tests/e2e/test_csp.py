"""Every kind of page works under the Content-Security-Policy: Chromium reports no violation.

Chromium logs each refused script, handler, style or picture to the console; an init script also turns every
`securitypolicyviolation` event into a console line, so nothing refused goes unnoticed, popups included.
"""

import datetime as dt

import pytest

from agenda.enums import SessionKind
from attendees import tokens
from attendees.enums import RegistrationStatus
from tests.factories import (
    AwardProgrammeFactory,
    CompetitionEntryFactory,
    CompetitionFactory,
    CompetitionTrackFactory,
    EditionFactory,
    ExhibitFactory,
    ExhibitPictureFactory,
    ExpoFactory,
    HallFactory,
    HonoureeFactory,
    OrganisationFactory,
    PersonFactory,
    RoomFactory,
    SessionFactory,
    SessionItemFactory,
    SessionOrganiserFactory,
    SessionSpeakerFactory,
    TopicFactory,
)
from tests.factories.attendees import RegistrationFactory, open_registration

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", function (event) {
  console.error("CSP violation: " + event.violatedDirective + " blocked " + (event.blockedURI || "inline")
    + " at " + event.sourceFile + ":" + event.lineNumber);
});
"""


def watch_policy(page):
    """The violations seen in this tab's context (every page and popup it opens), as console lines."""
    violations = []

    def note(message):
        text = message.text
        if "Content Security Policy" in text or text.startswith(("CSP violation", "Refused to")):
            violations.append(f"{message.page.url if message.page else '?'}: {text}")

    page.context.add_init_script(script=REPORT_VIOLATIONS)
    page.context.on("console", note)
    return violations


def visit(page, path):
    response = page.goto(path)
    assert response.status < 400, f"{path} answered {response.status}"
    assert "default-src 'self'" in response.headers["content-security-policy"], path
    page.wait_for_load_state("load")
    return response


@pytest.fixture
def summit(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    edition = EditionFactory(
        slug="2031", year=2031, name="2031 Wuzhen Summit", start_date=dt.date(2031, 11, 18), is_current=True
    )
    open_registration(edition)
    room = RoomFactory(venue__edition=edition, name="Lotus Hall", slug="lotus-hall")
    RoomFactory(venue=room.venue, name="Bamboo Hall", slug="bamboo-hall", position=1)  # a room to leave out of the grid
    topic = TopicFactory(edition=edition, name="Artificial intelligence", colour="#6941c6")
    forum = SessionFactory(
        edition=edition,
        title="AI governance forum",
        slug="ai-governance",
        room=room,
        topic=topic,
        kind=SessionKind.SUB_FORUM,
        registration_required=True,
        capacity=50,
    )
    SessionFactory(
        edition=edition,
        title="Data flows forum",
        slug="data-flows",
        room=room,
        start=forum.start,
        end=forum.end,
    )
    speaker = PersonFactory(edition=edition, name="Ada Chen", slug="ada-chen")
    SessionSpeakerFactory(session=forum, person=speaker)
    organisation = OrganisationFactory(edition=edition, name="Origin Quantum", slug="origin-quantum")
    SessionOrganiserFactory(session=forum, organisation=organisation)
    SessionItemFactory(session=forum, title="Opening remarks")
    exhibit = ExhibitFactory(
        expo=ExpoFactory(edition=edition), exhibitor=organisation, title="Quantum computer", slug="quantum-computer"
    )
    exhibit.hall = HallFactory(expo=exhibit.expo)
    exhibit.save()
    ExhibitPictureFactory(exhibit=exhibit)
    award = AwardProgrammeFactory(edition=edition, name="Distinguished Contribution Award", slug="contribution")
    HonoureeFactory(programme=award, person=speaker)
    competition = CompetitionFactory(edition=edition, name="Global Internet Competition", slug="cup", final=forum)
    track = CompetitionTrackFactory(competition=competition, name="Smart cities", is_sample=True)
    CompetitionEntryFactory(
        competition=competition, track=track, project_title="Flood forecasting", result="winner", is_sample=True
    )
    CompetitionEntryFactory(competition=competition, track=track, for_organisation=True, organisation=organisation)
    delegate = RegistrationFactory(edition=edition, name="Ngozi Okafor", status=RegistrationStatus.APPROVED)
    return {"edition": edition, "forum": forum, "delegate": delegate}


def test_public_pages_and_the_delegates_pages_break_no_rule_of_the_policy(page, summit, expect):
    violations = watch_policy(page)
    forum, delegate = summit["forum"], summit["delegate"]
    personal = f"/2031/registration/{tokens.link_token(delegate)}/"

    for path in [
        "/",
        "/editions/",
        "/2031/",
        "/2031/agenda/",
        "/2031/agenda/?view=grid",
        "/2031/agenda/?day=all",
        "/2031/sessions/ai-governance/",
        "/2031/speakers/",
        "/2031/speakers/ada-chen/",
        "/2031/organisations/",
        "/2031/organisations/origin-quantum/",
        "/2031/rooms/lotus-hall/",
        "/2031/now/",
        f"/2031/my-agenda/?s={forum.pk}",
        "/2031/changes/",
        "/2031/expo/",
        "/2031/expo/quantum-computer/",
        "/2031/awards/",
        "/2031/awards/contribution/",
        "/2031/competitions/",
        "/2031/competitions/cup/",
        "/zh-hans/2031/agenda/?view=grid",
        "/api/",
        "/api/editions/",
        "/2031/register/privacy/",
        "/2031/registration/resend/",
        personal,
        personal + "badge/",
    ]:
        visit(page, path)

    # Scripts that are files now: the star on a session, the badge's print button, the screens' refresh.
    visit(page, "/2031/sessions/ai-governance/")
    expect(page.locator("button.star-button").first).to_be_visible()
    visit(page, personal + "badge/")
    page.evaluate("window.print = function () { document.body.dataset.printed = 'yes'; }")
    page.locator("#print-badge").click()
    expect(page.locator("body")).to_have_attribute("data-printed", "yes")
    page.clock.install()
    visit(page, "/2031/now/")
    with page.expect_request(lambda request: request.headers.get("x-requested-with") == "refresh"):
        page.clock.run_for(61_000)

    # The registration form, sent.
    visit(page, "/2031/register/")
    page.get_by_label("Full name").fill("Amina Odhiambo")
    page.get_by_label("Email").fill("amina@example.org")
    page.get_by_label("Organisation").fill("Ministry of ICT, Kenya")
    page.get_by_label("Position").fill("Director of Digital Policy")
    page.get_by_label("Country").select_option(label="Kenya")
    page.get_by_label("Delegate category").select_option(label="Government official")
    page.get_by_label("AI governance forum").check()
    page.locator("#id_consent").check()
    page.locator("[type=submit]").last.click()
    expect(page).to_have_url(f"{page.url.split('/2031/')[0]}/2031/register/thanks/")

    assert violations == []


def test_the_admin_and_the_desk_break_no_rule_of_the_policy(page, summit, admin_credentials, expect):
    violations = watch_policy(page)
    forum, delegate, edition = summit["forum"], summit["delegate"], summit["edition"]

    # The login form itself, a wrong password, then the right one.
    username, password = admin_credentials
    visit(page, "/admin/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill("not-the-password")
    page.locator("#login-form [type=submit]").click()
    expect(page.locator(".errornote")).to_be_visible()
    page.locator("#id_password").fill(password)
    page.locator("#login-form [type=submit]").click()
    expect(page.locator("#user-tools")).to_contain_text(username)

    for path in [
        "/admin/",
        "/admin/agenda/edition/",
        f"/admin/agenda/edition/{edition.pk}/change/",
        "/admin/agenda/session/?o=1",
        f"/admin/agenda/session/{forum.pk}/history/",
        "/admin/agenda/exhibit/",
        "/admin/agenda/person/add/",
        "/admin/attendees/registration/",
        f"/admin/attendees/registration/{delegate.pk}/change/",
        "/admin/attendees/registration/fill-rates/",
        "/admin/agenda/session/import/",
        "/admin/axes/accessattempt/",
        "/admin/axes/accesslog/",
        "/admin/auth/user/",
        "/admin/agenda/release/add/",
    ]:
        visit(page, path)

    # A change form with inlines: autocomplete, the calendar and the clock, "add another" in a popup.
    visit(page, f"/admin/agenda/session/{forum.pk}/change/")
    page.locator("select#id_speaker_links-0-person + span.select2-container .select2-selection").click()
    page.locator("span.select2-container--open input.select2-search__field").fill("Ada")
    expect(page.locator("span.select2-container--open li.select2-results__option[role=option]")).to_have_text(
        ["Ada Chen · 2031"]
    )
    page.keyboard.press("Escape")
    page.locator("#items-group .add-row a").click()
    page.locator("a[id^=calendarlink]").first.click()
    page.locator(".calendarbox:visible a", has_text="Today").click()
    page.locator("a[id^=clocklink]").first.click()
    page.locator(".clockbox:visible a", has_text="Noon").click()
    with page.expect_popup() as opened:
        page.locator("a#add_id_topic").click()
    popup = opened.value
    popup.locator("#id_name_en").fill("Data governance")
    popup.locator("#id_slug").fill("data-governance")
    popup.locator("input[type=submit][name=_save]").click()
    popup.wait_for_event("close")
    expect(page.locator("#id_topic option:checked")).to_have_text("Data governance")

    # Export: its "select all" box has an inline handler, the one the policy allows by its hash.
    visit(page, "/admin/agenda/session/export/")
    fields = page.locator("input[type=checkbox][name^=sessionresource]")
    expect(fields.first).to_be_checked()
    page.locator("input.select-toggle").uncheck()
    expect(fields.first).not_to_be_checked()

    # The check-in desk: its counts are refreshed by a script file.
    visit(page, "/checkin/")
    expect(page.locator("[data-updated]")).to_have_text("Updates every few seconds")

    assert violations == []
