import datetime as dt
import io
from pathlib import Path

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.utils import timezone
from PIL import Image

from agenda.demo.pictures import draw_sample_picture, sample_alt_text, sample_picture_bytes
from agenda.enums import ExhibitCategory, OrganisationKind, OrganiserRole, SessionKind
from agenda.models import (
    AwardProgramme,
    Edition,
    Exhibit,
    ExhibitPicture,
    Expo,
    Honouree,
    Organisation,
    Outcome,
    Person,
    Session,
    SessionItem,
    SessionOrganiser,
    SessionSpeaker,
)
from agenda.selectors import clashing_sessions
from agenda.services import exhibit_picture_store
from tests.factories.agenda import EditionFactory


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """Sample pictures go to a temporary MEDIA_ROOT, never to the project's media folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def load_demo(*args, pictures=False):
    """Run the command; drawing and storing the sample pictures takes seconds, so only tests about them do."""
    out = io.StringIO()
    call_command("load_demo", *args, *([] if pictures else ["--no-pictures"]), stdout=out)
    return out.getvalue()


def files_in(root) -> set[str]:
    root = Path(root)
    return {path.relative_to(root).as_posix() for path in root.rglob("*") if path.is_file()} if root.exists() else set()


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
    exhibits = set(
        Exhibit.objects.values_list(
            "expo__edition__slug", "slug", "exhibitor__slug", "hall__slug", "booth", "is_sample", "updated_at"
        )
    )
    pictures = set(
        ExhibitPicture.objects.values_list(
            "exhibit__expo__edition__slug", "exhibit__slug", "position", "image", "thumbnail", "large", "alt_text"
        )
    )
    honourees = set(
        Honouree.objects.values_list(
            "programme__edition__slug", "programme__slug", "position", "person__slug", "organisation__slug"
        )
    )
    return counts, sessions, people, speakers, items, exhibits, pictures, honourees


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
def test_load_demo_twice_changes_nothing(media):
    first_output = load_demo(pictures=True)
    before = snapshot()
    files_before = files_in(media)
    modified_before = {name: (Path(media) / name).stat().st_mtime_ns for name in files_before}

    second_output = load_demo(pictures=True)

    assert snapshot() == before
    assert files_in(media) == files_before  # no new picture, no renamed file
    assert {name: (Path(media) / name).stat().st_mtime_ns for name in files_before} == modified_before
    assert second_output.count("0 created, 0 updated, 0 removed") == 4
    assert first_output.count("\n") == second_output.count("\n")
    assert Exhibit.objects.count() >= 15
    assert ExhibitPicture.objects.count() >= Exhibit.objects.count()
    assert Honouree.objects.count() >= 13
    # Each picture with its two renditions, and each outcome's placeholder PDF.
    assert Outcome.objects.exclude(pdf="").count() == Outcome.objects.count() >= 4
    assert len(files_before) == 3 * ExhibitPicture.objects.count() + Outcome.objects.count()


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

    for session in Session.objects.select_related("edition").filter(is_around_summit=False):
        zone = session.edition.zone
        assert session.start < session.end
        assert session.edition.start_date <= session.start.astimezone(zone).date()
        assert session.end.astimezone(zone).date() <= session.edition.end_date
    # Only events around the summit are outside its days: the 2023 eve and the 2024 press conference in Beijing.
    outside = {
        (s.edition.slug, s.start.astimezone(s.edition.zone).date().isoformat())
        for s in Session.objects.select_related("edition").filter(is_around_summit=True)
    }
    assert outside == {("2023", "2023-11-07"), ("2024", "2024-10-24")}
    assert Session.objects.get(kind=SessionKind.PRESS_CONFERENCE, edition__slug="2024").location_en == "Beijing"


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
    assert session.title == "Artificial Intelligence"
    assert set(session.speaker_links.values_list("person__slug", flat=True)) == {
        "robin-li",
        "wu-yongming",
        "francis-gurry",
    }
    assert list(session.items.values_list("position", flat=True)) == [1, 2, 3, 4]
    assert "1 removed" in output


# --- Expo ----------------------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_load_demo_2023_expo_opened_on_nov_7_at_the_expo_center_with_the_reported_exhibits():
    load_demo("--edition", "2023")

    expo = Expo.objects.get(edition__slug="2023")
    assert expo.name == "Light of the Internet Expo"
    assert expo.start_date == dt.date(2023, 11, 7)
    assert expo.venue.name == "Light of Internet Expo Center"
    assert expo.halls.count() >= 3
    titles = set(expo.exhibits.values_list("title", flat=True))
    assert {"Robotic dogs", "Glasses-free 3D display", "Digital Dunhuang murals"} <= titles
    assert expo.exhibits.filter(is_featured=True).exists()
    assert expo.exhibits.filter(is_featured=False).exists()


@pytest.mark.django_db
def test_load_demo_lists_the_2017_expo_without_what_the_report_dates_to_2016():
    load_demo("--edition", "2017")

    exhibits = {e.slug: e for e in Exhibit.objects.filter(expo__edition__slug="2017").select_related("exhibitor")}
    supermarket = exhibits["unmanned-supermarket"]
    assert supermarket.exhibitor.name == "Alibaba Group"
    assert supermarket.is_sample is False  # reported at the 2017 expo; no hall or booth invented
    assert (supermarket.hall, supermarket.booth) == (None, "")
    # Smile to Pay and JD's drones and vehicles were shown in 2016, an edition the demo does not hold.
    assert not {"smile-to-pay", "delivery-drones", "driverless-delivery-vehicles"} & set(exhibits)
    assert "2016 expo" in supermarket.expo.description


@pytest.mark.django_db
def test_load_demo_exhibits_are_valid_and_invented_placements_are_sample():
    load_demo()

    exhibits = Exhibit.objects.select_related("expo__edition", "exhibitor", "hall")
    assert {e.expo.edition.slug for e in exhibits} == {"2017", "2023", "2024"}
    for exhibit in exhibits:
        exhibit.full_clean()
        assert exhibit.exhibitor.edition_id == exhibit.expo.edition_id
        assert exhibit.category in ExhibitCategory.values
        assert exhibit.description
        if exhibit.hall or exhibit.booth:
            assert exhibit.is_sample, exhibit.slug
        if exhibit.is_sample:
            assert "sample" in exhibit.description.lower(), exhibit.slug


@pytest.mark.django_db
def test_load_demo_gives_each_exhibit_one_to_three_sample_pictures_with_renditions(media):
    load_demo(pictures=True)

    for exhibit in Exhibit.objects.prefetch_related("pictures"):
        pictures = list(exhibit.pictures.all())
        assert 1 <= len(pictures) <= 3, exhibit.slug
        assert [p.position for p in pictures] == list(range(1, len(pictures) + 1))
        for picture in pictures:
            assert picture.alt_text.startswith(f"Sample illustration for “{exhibit.title}”")
            assert (picture.width, picture.height) == (1200, 800)
            assert picture.image.name.startswith(f"expo/{exhibit.expo.edition.slug}/")
            with Image.open(Path(media) / picture.image.name) as image:
                assert (image.format, image.size) == ("JPEG", (1200, 800))
            with Image.open(Path(media) / picture.thumbnail.name) as thumbnail:
                assert (thumbnail.format, thumbnail.size) == ("WEBP", (400, 267))
            with Image.open(Path(media) / picture.large.name) as large:
                assert (large.format, large.size) == ("WEBP", (1200, 800))
    assert Exhibit.objects.filter(pictures__position=2).exists()


@pytest.mark.django_db
def test_load_demo_keeps_a_picture_an_organiser_put_in_place_and_restores_only_missing_ones(media):
    load_demo("--edition", "2023", pictures=True)
    exhibit = Exhibit.objects.get(expo__edition__slug="2023", slug="robotic-dogs")
    first, second, third = exhibit.pictures.order_by("position")
    replacement = ContentFile(sample_picture_bytes("A photo of the stand", size=(600, 400)), name="stand.jpg")
    first.alt_text = "The stand on the opening day"
    exhibit_picture_store(picture=first, upload=replacement)
    second.delete()
    kept = (first.image.name, first.alt_text)

    output = load_demo("--edition", "2023", pictures=True)

    first.refresh_from_db()
    assert (first.image.name, first.alt_text) == kept
    assert list(exhibit.pictures.values_list("position", flat=True)) == [1, 2, 3]
    assert exhibit.pictures.get(position=3).image.name == third.image.name
    assert "1 created, 0 updated, 0 removed" in output


@pytest.mark.django_db
def test_load_demo_without_pictures_stores_no_file_and_a_later_run_adds_them(media):
    call_command("load_demo", "--edition", "2017", "--no-pictures", stdout=io.StringIO())

    assert Exhibit.objects.exists()
    assert not ExhibitPicture.objects.exists()
    assert files_in(media) == set()

    output = load_demo("--edition", "2017", pictures=True)

    assert ExhibitPicture.objects.count() >= Exhibit.objects.count()
    assert len(files_in(media)) == 3 * ExhibitPicture.objects.count()
    assert "0 updated, 0 removed" in output


def test_sample_pictures_are_the_same_for_the_same_exhibit_and_differ_between_views():
    first = sample_picture_bytes("Robotic dogs", category="robotics", caption="Unitree Robotics")
    again = sample_picture_bytes("Robotic dogs", category="robotics", caption="Unitree Robotics")
    second_view = sample_picture_bytes("Robotic dogs", category="robotics", caption="Unitree Robotics", variant=2)

    assert first == again
    assert second_view != first
    image = draw_sample_picture("Robotic dogs", category="robotics", size=(800, 600))
    assert (image.mode, image.size) == ("RGB", (800, 600))
    assert "Sample illustration for “Robotic dogs”" in sample_alt_text("Robotic dogs", category="robotics")


def _difference(first, second):
    # Mean difference per channel, 0 to 255, on small greyscale copies: how different two slides look.
    small = [image.convert("L").resize((120, 80)) for image in (first, second)]
    return sum(abs(a - b) for a, b in zip(small[0].tobytes(), small[1].tobytes(), strict=True)) / (120 * 80)


def test_the_views_of_an_exhibit_are_composed_differently_and_carry_its_category_motif():
    views = [draw_sample_picture("Robotic dogs", category="robotics", variant=variant) for variant in (1, 2, 3)]

    for first, second in ((0, 1), (1, 2), (0, 2)):
        assert _difference(views[first], views[second]) > 8, (first, second)
    assert sample_alt_text("Robotic dogs", category="robotics", caption="Unitree Robotics") == (
        "Sample illustration for “Robotic dogs” by Unitree Robotics: a robot's head drawn on a teal background, "
        "labelled “Sample picture”"
    )


def test_a_sample_picture_does_not_write_the_exhibits_title():
    # The title only varies the pattern: a long title changes the picture no more than a short one does.
    short = draw_sample_picture("Dogs", category="robotics")
    long = draw_sample_picture("Robotic dogs that climb stairs and carry parcels across campuses", category="robotics")
    bottom = (0, 560, 1200, 800)  # where a title used to be written, large
    assert _difference(short.crop(bottom), long.crop(bottom)) < 3


# --- Awards --------------------------------------------------------------------------------------------------------


OUTSTANDING_CASES_2023 = {
    "IBM": "IBM Sustainable Computing Solution to Co-Create a Sustainable Future",
    "Alibaba Group": (
        "Alibaba Digital County Partnering with International Trade Center (ITC) to Support Digital Poverty "
        "Alleviation in African Developing Countries"
    ),
    "China Telecom": (
        "Asia Direct Cable (ADC) Traversing Asia with Higher Capacity and Greater Security, Helping Enterprises "
        "Digital Transformation"
    ),
    "Internet Society of China": "China Internet Governance Forum (China IGF)",
    "Cisco Systems": "Bridging the Digital Divide, Powering an Inclusive Future for All",
    "China Unicom Global Limited": (
        "Computing and Network Convergence Connecting the World, Empowering the Innovative Development of the "
        "Global Digital Economy"
    ),
    "DomainTools": "Internet Infrastructure Data Sharing for Ensuring Security in Cyberspace",
}


@pytest.mark.django_db
def test_load_demo_2023_has_the_thirteen_outstanding_cases_with_their_organisations():
    load_demo("--edition", "2023")

    programme = AwardProgramme.objects.get(edition__slug="2023", slug="outstanding-cases")
    honourees = list(programme.honourees.select_related("organisation"))
    assert len(honourees) == 13
    assert [h.position for h in honourees] == list(range(1, 14))
    assert all(h.organisation and h.person is None and h.case_title for h in honourees)
    assert all(h.organisation.edition.slug == "2023" and not h.organisation.is_sample for h in honourees)
    cases = {h.organisation.name: h.case_title for h in honourees}
    for organisation, case_title in OUTSTANDING_CASES_2023.items():
        assert cases[organisation] == case_title
    assert len(set(cases)) == 13
    assert honourees[0].organisation.name == "IBM"
    assert honourees[-1].organisation.name == "Cisco Systems"
    # Presented on Nov 7, the eve of the summit: its ceremony is an event around the summit.
    assert programme.ceremony.is_around_summit
    assert programme.ceremony.start.astimezone(programme.edition.zone).date() == dt.date(2023, 11, 7)
    assert "Nov 7" in programme.description
    ibm = Organisation.objects.get(edition__slug="2023", name="IBM")
    assert (ibm.kind, ibm.country.code) == (OrganisationKind.COMPANY, "US")
    library = Organisation.objects.get(edition__slug="2023", slug="national-library-of-china")
    assert (library.kind, library.country.code) == (OrganisationKind.GOVERNMENT, "CN")


@pytest.mark.django_db
def test_load_demo_2023_ten_year_honor_is_presented_at_its_ceremony_with_sample_honourees():
    load_demo("--edition", "2023")

    programme = AwardProgramme.objects.get(edition__slug="2023", name="Wuzhen Summit 10-Year Commemorative Honor")
    assert programme.ceremony.slug == "ten-year-honor-ceremony"
    assert programme.ceremony.kind == SessionKind.AWARD_CEREMONY
    assert programme.ceremony.start.astimezone(programme.edition.zone).date() == dt.date(2023, 11, 8)
    assert list(programme.categories.values_list("name", flat=True)) == [
        "Outstanding Partners",
        "Excellent Organizers",
        "Special Contributors",
    ]
    honourees = list(programme.honourees.all())
    assert honourees
    assert all(h.is_sample for h in honourees)
    assert {h.category.name for h in honourees} == {
        "Outstanding Partners",
        "Excellent Organizers",
        "Special Contributors",
    }


@pytest.mark.django_db
def test_load_demo_2024_awards_have_their_ceremonies_and_no_unmarked_invented_honourees():
    load_demo("--edition", "2024")

    programmes = {p.name: p for p in AwardProgramme.objects.filter(edition__slug="2024")}
    award = programmes["WIC Distinguished Contribution Award"]
    assert award.ceremony.slug == "distinguished-contribution-award"
    assert award.ceremony.kind == SessionKind.AWARD_CEREMONY
    assert "World Internet Conference Leading Science and Technology Award" in programmes
    for honouree in Honouree.objects.filter(programme__edition__slug="2024"):
        assert honouree.is_sample
    for programme in programmes.values():
        programme.full_clean()


@pytest.mark.django_db
def test_load_demo_again_restores_edited_honourees():
    load_demo("--edition", "2023")
    programme = AwardProgramme.objects.get(edition__slug="2023", slug="outstanding-cases")
    programme.honourees.filter(position=13).delete()
    first = programme.honourees.get(position=1)
    first.case_title = "Edited"
    first.save()
    Honouree.objects.create(
        programme=programme, organisation=first.organisation, case_title="Not in the data", position=14
    )

    output = load_demo("--edition", "2023")

    assert programme.honourees.count() == 13
    assert programme.honourees.get(position=1).case_title == OUTSTANDING_CASES_2023["IBM"]
    assert programme.honourees.get(position=13).organisation.name == "Cisco Systems"
    assert "1 created, 1 updated, 1 removed" in output


@pytest.mark.django_db
def test_the_demo_2024_edition_reads_as_past_on_its_register_page(client):
    load_demo("--edition", "2024", "--no-pictures")

    page = client.get("/2024/register/").content.decode()

    assert "This edition is over: registration has closed." in page
    assert "Took place 19–22 November 2024 in Wuzhen" in page
    assert "not open yet" not in page and 'name="sessions"' not in page


@pytest.mark.django_db
def test_an_upcoming_synthetic_edition_can_open_registration_for_trying_the_delegate_pages(client):
    start = (timezone.now() + dt.timedelta(days=60)).date()
    args = ["--slug", "next", "--start", start.isoformat(), "--days", "2", "--rooms", "2", "--sessions", "6"]
    call_command("generate_summit", *args, "--speakers", "8", "--open-registration", stdout=io.StringIO())
    out = io.StringIO()
    call_command("generate_summit", *args, "--speakers", "8", "--keep-existing", stdout=out)

    page = client.get("/next/register/").content.decode()

    assert "left as it is" in out.getvalue()
    assert 'name="sessions"' in page and "Send my registration" in page
