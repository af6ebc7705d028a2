import datetime as dt

import pytest

from agenda.enums import SessionKind, SessionStatus
from tests.factories import (
    AwardCategoryFactory,
    AwardProgrammeFactory,
    EditionFactory,
    HonoureeFactory,
    OrganisationFactory,
    PersonFactory,
    RoomFactory,
    SessionFactory,
    SessionItemFactory,
    SessionSpeakerFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme(edition):
    return AwardProgrammeFactory(
        edition=edition,
        name="WIC Distinguished Contribution Award",
        slug="distinguished-contribution",
        description="For exceptional contributions to the global internet.",
    )


def make_session(edition, title, day=19, hour=9, **kwargs):
    kwargs.setdefault("room", RoomFactory(venue__edition=edition, name="Lotus Hall"))
    return SessionFactory(
        edition=edition,
        title=title,
        start=dt.datetime(2024, 11, day, hour, tzinfo=edition.zone),
        end=dt.datetime(2024, 11, day, hour + 1, tzinfo=edition.zone),
        **kwargs,
    )


def text(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def in_order(page, *words):
    positions = [page.index(word) for word in words]
    return positions == sorted(positions)


def test_awards_page_groups_honourees_by_category_in_order(client, programme):
    people = AwardCategoryFactory(programme=programme, name="Individuals", position=1)
    groups = AwardCategoryFactory(programme=programme, name="Organisations", position=0)
    AwardCategoryFactory(programme=programme, name="Young talents", position=2)
    HonoureeFactory(programme=programme, category=people, person__name="Second person", position=2)
    HonoureeFactory(programme=programme, category=people, person__name="First person", position=1)
    HonoureeFactory(programme=programme, category=groups, for_organisation=True, organisation__name="Some Lab")
    HonoureeFactory(programme=programme, person__name="Uncategorised person")

    page = text(client.get("/2024/awards/"))

    assert "WIC Distinguished Contribution Award" in page
    assert "For exceptional contributions to the global internet." in page
    assert in_order(
        page,
        "Organisations</h3>",
        "Some Lab",
        "Individuals</h3>",
        "First person",
        "Second person",
        "Young talents</h3>",
        "No honourees are listed.",
        "Other honourees</h3>",
        "Uncategorised person",
    )
    assert 'href="/2024/awards/" aria-current="page">Awards</a>' in page


def test_awards_page_lists_every_programme_of_the_edition_in_order(client, edition, programme):
    AwardProgrammeFactory(edition=edition, name="Outstanding cases", position=1)
    AwardProgrammeFactory(edition=edition, name="Leading technology award", position=0, slug="leading")
    AwardProgrammeFactory(edition=EditionFactory(slug="2023"), name="Award of another year")

    page = text(client.get("/2024/awards/"))

    assert in_order(page, "Leading technology award", "WIC Distinguished Contribution Award", "Outstanding cases")
    assert '<a href="/2024/awards/leading/">Leading technology award</a>' in page
    assert "Award of another year" not in page
    assert "No honourees are listed for this award." in page


def test_awards_page_links_speakers_people_pages_only_when_they_speak_in_public(client, edition, programme):
    public = make_session(edition, "Public forum")
    draft = make_session(edition, "Draft forum", hour=11, status=SessionStatus.DRAFT)
    speaker = SessionSpeakerFactory(session=public, person__name="Kilnam Chon", person__slug="kilnam").person
    hidden = SessionSpeakerFactory(session=draft, person__name="Hidden speaker", person__slug="hidden").person
    item_speaker = PersonFactory(edition=edition, name="Item speaker", slug="item-speaker")
    SessionItemFactory(session=public).speakers.add(item_speaker)
    for person in (speaker, hidden, item_speaker):
        HonoureeFactory(programme=programme, person=person)
    HonoureeFactory(programme=programme, person__name="Never speaks", person__slug="never")
    HonoureeFactory(
        programme=programme, for_organisation=True, organisation__name="Internet Society", organisation__slug="isoc"
    )

    page = text(client.get("/2024/awards/"))

    assert '<a href="/2024/speakers/kilnam/">Kilnam Chon</a>' in page
    assert '<a href="/2024/speakers/item-speaker/">Item speaker</a>' in page
    assert "Hidden speaker" in page and "/2024/speakers/hidden/" not in page
    assert "Never speaks" in page and "/2024/speakers/never/" not in page
    assert '<a href="/2024/organisations/isoc/">Internet Society</a>' in page
    assert client.get("/2024/organisations/isoc/").status_code == 200


def test_awards_page_shows_case_titles_citations_and_affiliations(client, programme):
    HonoureeFactory(
        programme=programme,
        for_organisation=True,
        organisation__name="Zhejiang Lab",
        case_title="A digital twin of the water town",
        citation="Chosen among 300 cases.\n\nPresented by the jury.",
    )
    HonoureeFactory(
        programme=programme,
        person__name="Vint Cerf",
        person__title="Chief Internet Evangelist",
        person__organisation=OrganisationFactory(edition=programme.edition, name="Google"),
    )

    page = text(client.get("/2024/awards/"))

    assert in_order(page, "A digital twin of the water town", "Zhejiang Lab", "Chosen among 300 cases.")
    assert "<p>Presented by the jury.</p>" in page
    assert "Vint Cerf<span" in page and "Chief Internet Evangelist, Google" in page


def test_awards_page_shows_the_ceremony_in_the_edition_time_zone(client, admin_client, edition, programme):
    ceremony = make_session(edition, "Award ceremony", hour=14, kind=SessionKind.AWARD_CEREMONY, slug="ceremony")
    programme.ceremony = ceremony
    programme.save()
    secret = make_session(edition, "Secret ceremony", hour=16, status=SessionStatus.DRAFT)
    AwardProgrammeFactory(edition=edition, name="Second award", ceremony=secret, position=1)

    page = text(client.get("/2024/awards/"))
    preview = text(admin_client.get("/2024/awards/"))

    assert '<a href="/2024/sessions/ceremony/">Award ceremony</a>' in page
    assert "Tuesday 19 November 2024, 14:00" in page  # stored as 06:00 UTC
    assert "Wuzhen time, UTC+8" in page and "Lotus Hall" in page
    assert "Second award" in page and "Secret ceremony" not in page
    assert "Secret ceremony" in preview


def test_award_page_shows_one_programme(client, edition, programme):
    category = AwardCategoryFactory(programme=programme, name="Individuals")
    HonoureeFactory(programme=programme, category=category, person__name="Wang Jian")
    AwardProgrammeFactory(edition=edition, name="Another award")

    page = text(client.get("/2024/awards/distinguished-contribution/"))

    assert '<h1 class="h2" id="award-distinguished-contribution-name">WIC Distinguished Contribution Award</h1>' in page
    assert "Individuals</h2>" in page and "Wang Jian" in page
    assert "Another award" not in page
    assert '<a href="/2024/awards/">Awards</a>' in page


def test_award_pages_404_for_unknown_slugs_other_editions_and_unpublished_editions(client, programme):
    other = AwardProgrammeFactory(edition=EditionFactory(slug="2023"), slug="old-award")
    hidden = EditionFactory(slug="hidden", is_published=False)
    AwardProgrammeFactory(edition=hidden, slug="secret")

    assert client.get("/2024/awards/nothing/").status_code == 404
    assert client.get(f"/2024/awards/{other.slug}/").status_code == 404
    assert client.get("/hidden/awards/").status_code == 404
    assert client.get("/hidden/awards/secret/").status_code == 404


def test_awards_page_without_programmes_says_so(client, edition):
    assert "No awards are listed for this edition." in text(client.get("/2024/awards/"))


def test_award_pages_of_a_past_edition_never_say_not_announced_yet(client, edition, programme):
    AwardCategoryFactory(programme=programme, name="Young talents")
    AwardProgrammeFactory(edition=edition, name="Outstanding cases", slug="cases", position=1)

    pages = [
        text(client.get(url))
        for url in ("/2024/awards/", "/2024/awards/cases/", "/2024/awards/distinguished-contribution/")
    ]

    for page in pages:
        assert "announced" not in page and "To be announced" not in page
    assert "No honourees are listed." in pages[0] and "No honourees are listed for this award." in pages[1]


def test_award_pages_of_an_upcoming_edition_say_what_is_not_announced_yet(client, upcoming_edition):
    empty = text(client.get("/upcoming/awards/"))
    programme = AwardProgrammeFactory(edition=upcoming_edition, name="Leading technology award", slug="leading")
    AwardCategoryFactory(programme=programme, name="Young talents")
    AwardProgrammeFactory(edition=upcoming_edition, name="Outstanding cases", slug="cases", position=1)

    listing = text(client.get("/upcoming/awards/"))

    assert "No awards have been announced for this edition yet." in empty
    assert "To be announced." in listing and "The honourees have not been announced yet." in listing


def test_ceremony_session_lists_the_awards_presented_there(client, edition, programme):
    ceremony = make_session(edition, "Award ceremony", kind=SessionKind.AWARD_CEREMONY, slug="ceremony")
    programme.ceremony = ceremony
    programme.save()
    AwardProgrammeFactory(edition=edition, name="Best practices", slug="best-practices", ceremony=ceremony)
    forum = make_session(edition, "Ordinary forum", hour=11)

    page = text(client.get("/2024/sessions/ceremony/"))

    assert "Awards presented here" in page
    assert in_order(
        page,
        '<a href="/2024/awards/best-practices/">Best practices</a>',
        '<a href="/2024/awards/distinguished-contribution/">WIC Distinguished Contribution Award</a>',
    )
    assert "Awards presented here" not in text(client.get(f"/2024/sessions/{forum.slug}/"))


def test_html_in_award_names_is_escaped(client, programme):
    programme.name = "<script>alert('x')</script> award"
    programme.save()
    category = AwardCategoryFactory(programme=programme, name="<i>Category</i>")
    HonoureeFactory(programme=programme, category=category, person__name="<b>Bold</b> Name", citation="<img src=x>")

    for url in ("/2024/awards/", f"/2024/awards/{programme.slug}/"):
        page = text(client.get(url))
        assert "<script>alert" not in page and "<img src=x>" not in page
        assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; award" in page
        assert "&lt;i&gt;Category&lt;/i&gt;" in page and "&lt;b&gt;Bold&lt;/b&gt; Name" in page


def test_award_edits_show_at_once(client, programme):
    honouree = HonoureeFactory(programme=programme, citation="Old citation")
    assert "Old citation" in text(client.get("/2024/awards/"))

    honouree.citation = "New citation"
    honouree.save()

    assert "New citation" in text(client.get("/2024/awards/"))


# Query counts


def awards_with_honourees(slug, count):
    edition = EditionFactory(slug=slug)
    ceremony = SessionFactory(edition=edition, slug="ceremony", kind=SessionKind.AWARD_CEREMONY)
    programme = AwardProgrammeFactory(edition=edition, slug="award", ceremony=ceremony)
    AwardProgrammeFactory(edition=edition, ceremony=ceremony)
    categories = [AwardCategoryFactory(programme=programme) for _ in range(3)]
    for number in range(count):
        category = categories[number % 3]
        if number % 3 == 0:
            HonoureeFactory(programme=programme, category=category, for_organisation=True, case_title="A case")
        else:
            honouree = HonoureeFactory(
                programme=programme, category=category, person__organisation=OrganisationFactory(edition=edition)
            )
            if number % 2:
                SessionSpeakerFactory(session=ceremony, person=honouree.person)


@pytest.mark.parametrize("path", ["awards/", "awards/award/", "sessions/ceremony/"])
def test_award_page_queries_do_not_grow_with_the_honourees(page_queries, path):
    awards_with_honourees("small", 3)
    awards_with_honourees("large", 30)

    assert page_queries(f"/small/{path}") == page_queries(f"/large/{path}")
