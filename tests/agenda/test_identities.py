"""One person or organisation across the summit's editions: a biography edited once is the same on every
edition's page, each page lists the other editions with what they did there, and the admin, imports, the API
and the demo find the same identity."""

import datetime as dt
import importlib

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import translation

from agenda.enums import OrganiserRole, SpeakerRole
from agenda.imports import PersonResource
from agenda.models import Edition, Organisation, OrganisationIdentity, Person, PersonIdentity
from agenda.services import (
    IdentityOutcome,
    identities_link,
    organisation_update,
    person_update,
)
from tests.agenda.admin_forms import in_english
from tests.agenda.test_imports import confirm, page_text, upload
from tests.agenda.uploads import files_in, jpeg_bytes, picture
from tests.factories import (
    AwardProgrammeFactory,
    EditionFactory,
    ExhibitFactory,
    ExpoFactory,
    HonoureeFactory,
    OrganisationFactory,
    PersonFactory,
    SessionFactory,
    SessionOrganiserFactory,
    SessionSpeakerFactory,
)

pytestmark = pytest.mark.django_db


def edition_of(year, **kwargs):
    return EditionFactory(
        year=year,
        slug=str(year),
        name=f"{year} Wuzhen Summit",
        start_date=dt.date(year, 11, 8),
        end_date=dt.date(year, 11, 10),
        **kwargs,
    )


def session_of(edition, title, **kwargs):
    start = dt.datetime(edition.year, 11, 8, 9, tzinfo=edition.zone)
    return SessionFactory(edition=edition, title=title, start=start, end=start + dt.timedelta(hours=1), **kwargs)


def gurry_at(edition, **fields):
    """Francis Gurry's row of `edition`, saved as the admin and imports save it."""
    person = Person(edition=edition, slug="francis-gurry", name="Francis Gurry", **fields)
    return person_update(person=person).row


def speaks(person, title, role=SpeakerRole.SPEAKER):
    SessionSpeakerFactory(session=session_of(person.edition, title), person=person, role=role)


def text(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


@pytest.fixture
def three_editions():
    return edition_of(2022), edition_of(2023), edition_of(2024, is_current=True)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


# --- One biography -----------------------------------------------------------------------------------------------


def test_a_biography_edited_once_shows_on_every_editions_page(client, three_editions):
    rows = [gurry_at(edition, title="Vice-Chair") for edition in three_editions]
    for row in rows:
        speaks(row, f"Plenary {row.edition.year}")
    for edition in three_editions:  # each page is cached before the edit
        text(client.get(f"/{edition.slug}/speakers/francis-gurry/"))

    middle = Person.objects.get(pk=rows[1].pk)
    middle.bio_en = "Former Director-General of WIPO."
    middle.bio_zh_hans = "世界知识产权组织前总干事。"
    person_update(person=middle)

    for edition in three_editions:
        assert "Former Director-General of WIPO." in text(client.get(f"/{edition.slug}/speakers/francis-gurry/"))
        assert "世界知识产权组织前总干事。" in text(client.get(f"/zh-hans/{edition.slug}/speakers/francis-gurry/"))


def test_a_row_keeps_its_own_title_and_organisation_per_edition(three_editions):
    wipo = OrganisationFactory(edition=three_editions[0], name="WIPO", slug="wipo")
    first = gurry_at(three_editions[0], title="Director-General", organisation=wipo)
    later = gurry_at(three_editions[2], title="Vice-Chair")

    later.bio_en = "A biography."
    person_update(person=later)

    first.refresh_from_db()
    assert (first.title, first.organisation, first.bio) == ("Director-General", wipo, "A biography.")


def test_a_new_photo_is_every_editions_photo_and_a_deleted_row_leaves_it_in_place(
    three_editions, media, django_capture_on_commit_callbacks
):
    first, second, _third = [gurry_at(edition) for edition in three_editions]
    photo = SimpleUploadedFile("gurry.jpg", jpeg_bytes(picture((900, 600))), content_type="image/jpeg")
    with django_capture_on_commit_callbacks(execute=True):
        person_update(person=first, photo=photo)
    names = set(Person.objects.values_list("photo", flat=True))

    with django_capture_on_commit_callbacks(execute=True):
        Person.objects.get(pk=second.pk).delete()

    assert len(names) == 1 and "" not in names
    assert len(files_in(media)) == 3  # the photo and its two renditions, still used by two rows


def test_saving_a_row_rebuilds_the_other_editions_pages(three_editions):
    rows = [gurry_at(edition) for edition in three_editions]
    versions = dict(Edition.objects.values_list("pk", "programme_version"))

    rows[2].bio_en = "New."
    person_update(person=rows[2])

    after = dict(Edition.objects.values_list("pk", "programme_version"))
    assert [after[e.pk] > versions[e.pk] for e in three_editions] == [True, True, True]


# --- Matching ----------------------------------------------------------------------------------------------------


def test_a_new_row_is_matched_by_slug_then_by_name_in_either_language(three_editions):
    first = person_update(person=Person(edition=three_editions[0], slug="ren-xianliang", name="Ren Xianliang"))
    PersonIdentity.objects.filter(pk=first.row.identity_id).update(name_zh_hans="任贤良")
    Person.objects.filter(pk=first.row.pk).update(name_zh_hans="任贤良")

    by_name = person_update(person=Person(edition=three_editions[1], slug="ren-x", name="REN XIANLIANG"))
    by_chinese = person_update(person=Person(edition=three_editions[2], slug="r", name="R.", name_zh_hans="任贤良"))

    assert first.outcome == IdentityOutcome.CREATED
    assert [by_name.outcome, by_chinese.outcome] == [IdentityOutcome.MATCHED, IdentityOutcome.MATCHED]
    assert by_name.row.identity_id == by_chinese.row.identity_id == first.row.identity_id
    assert Person.objects.get(pk=by_chinese.row.pk).name_en == "R."  # what a new row says is kept …
    assert Person.objects.get(pk=first.row.pk).name_en == "R."  # … and is now everyone's


def test_an_organiser_working_in_chinese_keeps_both_names_apart(three_editions):
    with translation.override("zh-hans"):
        first = person_update(
            person=Person(edition=three_editions[0], slug="gurry", name_en="Francis Gurry", name_zh_hans="高锐")
        ).row
        later = person_update(person=Person(edition=three_editions[1], slug="f-gurry", name_en="francis gurry")).row

    identity = PersonIdentity.objects.get()
    assert later.identity_id == first.identity_id
    assert (identity.name_en, identity.name_zh_hans) == ("francis gurry", "高锐")


def test_a_new_row_takes_what_it_leaves_empty_from_the_identity(three_editions):
    gurry_at(three_editions[0], bio_en="Former Director-General of WIPO.", country="AU")

    later = gurry_at(three_editions[1])

    assert (later.bio, later.country.code) == ("Former Director-General of WIPO.", "AU")


def test_two_people_of_one_name_in_one_edition_are_two_identities(three_editions):
    one = person_update(person=Person(edition=three_editions[0], slug="li-wei", name="Li Wei")).row
    other = person_update(person=Person(edition=three_editions[0], slug="li-wei-2", name="Li Wei")).row

    assert one.identity_id != other.identity_id
    assert PersonIdentity.objects.get(pk=other.identity_id).slug == "li-wei-2"


def test_an_organisation_is_matched_and_its_logo_website_and_kind_follow(three_editions):
    first = organisation_update(
        organisation=Organisation(edition=three_editions[0], slug="alibaba", name="Alibaba Group", kind="company")
    ).row
    later = organisation_update(
        organisation=Organisation(edition=three_editions[2], slug="alibaba-group", name="alibaba group")
    ).row

    later.website = "https://www.alibabagroup.com"
    organisation_update(organisation=later)

    first.refresh_from_db()
    assert first.identity_id == later.identity_id
    assert (first.website, first.name) == ("https://www.alibabagroup.com", "alibaba group")


def test_linking_duplicates_makes_one_identity_with_the_latest_editions_texts(three_editions):
    old = person_update(person=Person(edition=three_editions[0], slug="gurry", name="F. Gurry")).row
    new = person_update(person=Person(edition=three_editions[2], slug="francis-gurry", name="Francis Gurry")).row
    assert old.identity_id != new.identity_id

    identities_link(rows=[old, new])

    old.refresh_from_db()
    assert (old.identity_id, old.name) == (new.identity_id, "Francis Gurry")
    assert PersonIdentity.objects.count() == 1


def test_linking_two_rows_of_one_edition_is_refused(three_editions):
    one = PersonFactory(edition=three_editions[0])
    other = PersonFactory(edition=three_editions[0])

    with pytest.raises(ValidationError):
        identities_link(rows=[one, other])


# --- The public pages --------------------------------------------------------------------------------------------


def test_the_speaker_page_lists_the_other_editions_with_roles(client, three_editions):
    e2022, e2023, e2024 = three_editions
    unpublished = edition_of(2025, is_published=False)
    rows = {edition.year: gurry_at(edition) for edition in (*three_editions, unpublished)}
    speaks(rows[2023], "Opening ceremony", role=SpeakerRole.KEYNOTE)
    SessionSpeakerFactory(session=session_of(e2023, "Invented forum", is_sample=True), person=rows[2023])
    speaks(rows[2024], "AI governance forum")
    speaks(rows[2025], "Not yet announced")
    HonoureeFactory(programme=AwardProgrammeFactory(edition=e2022, name="Commemorative Honor"), person=rows[2022])

    page = text(client.get("/2024/speakers/francis-gurry/"))
    other = page.split("At other editions")[1]

    assert 'href="/2023/speakers/francis-gurry/">2023 Wuzhen Summit</a>' in other
    assert 'Keynote</span> <a href="/2023/sessions/' in other and "Opening ceremony" in other
    assert 'Invented forum</a> <span class="badge sample-badge">Sample data</span>' in other
    assert "2022 Wuzhen Summit" in other and "Commemorative Honor" in other
    assert 'href="/2022/speakers/francis-gurry/"' not in other  # honoured, but no speaker page there
    assert "2025" not in other and "AI governance forum" not in other
    assert "2024 Wuzhen Summit</a>" not in other


def test_a_page_follows_a_change_at_another_edition(client, three_editions):
    rows = [gurry_at(edition) for edition in three_editions]
    speaks(rows[2], "AI governance forum")
    speaks(rows[1], "Opening ceremony")
    text(client.get("/2024/speakers/francis-gurry/"))

    speaks(rows[0], "Digital economy forum")

    assert "Digital economy forum" in text(client.get("/2024/speakers/francis-gurry/"))


def test_the_organisation_page_lists_what_it_did_at_other_editions(client, three_editions):
    e2022, e2023, e2024 = three_editions
    rows = {
        e.year: organisation_update(
            organisation=Organisation(edition=e, slug="gsma", name="GSMA", kind="international")
        ).row
        for e in three_editions
    }
    SessionOrganiserFactory(session=session_of(e2024, "Mobile forum"), organisation=rows[2024], role=OrganiserRole.HOST)
    SessionOrganiserFactory(
        session=session_of(e2023, "Computing network forum"), organisation=rows[2023], role=OrganiserRole.CO_ORGANISER
    )
    ExhibitFactory(expo=ExpoFactory(edition=e2022), exhibitor=rows[2022], title="5G robotic dogs")
    speaker = PersonFactory(edition=e2022, name="John Hoffman", slug="john-hoffman", organisation=rows[2022])
    speaks(speaker, "Opening")

    other = text(client.get("/2024/organisations/gsma/")).split("At other editions")[1]

    assert 'href="/2023/organisations/gsma/">2023 Wuzhen Summit</a>' in other
    assert "Co-organiser" in other and "Computing network forum" in other
    assert 'href="/2022/organisations/gsma/">2022 Wuzhen Summit</a>' in other
    assert "5G robotic dogs" in other and 'href="/2022/speakers/john-hoffman/">John Hoffman</a>' in other


def test_a_page_without_other_editions_has_no_such_part(client, three_editions):
    speaks(gurry_at(three_editions[2]), "AI governance forum")

    assert "At other editions" not in text(client.get("/2024/speakers/francis-gurry/"))


@pytest.mark.parametrize("kind", ["speakers", "organisations"])
def test_identity_page_queries_do_not_grow_with_editions_and_roles(page_queries, kind):
    def build(prefix, editions, sessions_each):
        for n in range(editions):
            edition = EditionFactory(slug=f"{prefix}{n}", year=2000 + n + (0 if prefix == "s" else 50))
            person = person_update(person=Person(edition=edition, slug=f"{prefix}-gurry", name=f"{prefix} Gurry")).row
            org = organisation_update(
                organisation=Organisation(edition=edition, slug=f"{prefix}-wic", name=f"{prefix} WIC")
            ).row
            for m in range(sessions_each):
                session = session_of(edition, f"Forum {m}")
                SessionSpeakerFactory(session=session, person=person)
                SessionOrganiserFactory(session=session, organisation=org)
            ExhibitFactory(expo=ExpoFactory(edition=edition), exhibitor=org)
            HonoureeFactory(programme=AwardProgrammeFactory(edition=edition), person=person)

    build("s", editions=2, sessions_each=1)
    build("l", editions=6, sessions_each=5)
    slug = "gurry" if kind == "speakers" else "wic"

    small = page_queries(f"/s1/{kind}/s-{slug}/")
    large = page_queries(f"/l5/{kind}/l-{slug}/")

    assert large == small


# --- The admin ---------------------------------------------------------------------------------------------------


def test_the_person_form_shows_the_identity_as_an_autocomplete(admin_client, three_editions):
    person = gurry_at(three_editions[0])

    page = text(admin_client.get(f"/admin/agenda/person/{person.pk}/change/"))

    assert 'name="identity"' in page and "admin-autocomplete" in page
    assert f'<option value="{person.identity_id}" selected>Francis Gurry</option>' in page


def test_a_programme_editor_finds_identities_in_the_autocomplete(client, programme_editor, three_editions):
    gurry_at(three_editions[0])
    client.force_login(programme_editor)

    found = client.get(
        "/admin/autocomplete/",
        {"app_label": "agenda", "model_name": "person", "field_name": "identity", "term": "gurr"},
    )

    assert [result["text"] for result in found.json()["results"]] == ["Francis Gurry"]


def test_a_person_added_in_the_admin_is_matched_with_a_message(admin_client, three_editions):
    gurry_at(three_editions[0], bio_en="Former Director-General of WIPO.")
    data = in_english(
        {"edition": three_editions[2].pk, "name": "francis gurry", "slug": "gurry", "title": "Vice-Chair"}
    )

    response = admin_client.post("/admin/agenda/person/add/", data, follow=True)

    added = Person.objects.get(edition=three_editions[2])
    assert added.bio == "Former Director-General of WIPO."
    assert added.identity_id == Person.objects.get(edition=three_editions[0]).identity_id
    assert "“francis gurry” is the same as at 2022" in text(response)


def test_an_edit_in_the_admin_says_how_many_editions_followed(admin_client, three_editions):
    rows = [gurry_at(edition) for edition in three_editions]
    data = in_english({"edition": three_editions[1].pk, "name": "Francis Gurry", "slug": "francis-gurry"})
    data.update(bio_en="Edited once.", identity=rows[1].identity_id)

    response = admin_client.post(f"/admin/agenda/person/{rows[1].pk}/change/", data, follow=True)

    assert "Also updated at 2 other editions." in text(response)
    assert set(Person.objects.values_list("bio_en", flat=True)) == {"Edited once."}


def test_the_admin_action_links_duplicates(admin_client, three_editions):
    old = person_update(person=Person(edition=three_editions[0], slug="gurry", name="F. Gurry")).row
    new = person_update(person=Person(edition=three_editions[2], slug="francis-gurry", name="Francis Gurry")).row

    response = admin_client.post(
        "/admin/agenda/person/?edition__id__exact=all",
        {"action": "link_across_editions", "_selected_action": [old.pk, new.pk]},
        follow=True,
    )

    assert "Linked across editions as “Francis Gurry”." in text(response)
    assert Person.objects.get(pk=old.pk).identity_id == new.identity_id


def test_identities_are_listed_and_found_by_either_language(admin_client, three_editions):
    row = gurry_at(three_editions[0])
    gurry_at(three_editions[2])
    PersonIdentity.objects.filter(pk=row.identity_id).update(name_zh_hans="弗朗西斯·高锐")

    found = text(admin_client.get("/admin/agenda/personidentity/?q=高锐"))
    missed = text(admin_client.get("/admin/agenda/personidentity/?q=nobody"))

    assert "Francis Gurry" in found and ">2022</a>, <a" in found and ">2024</a>" in found
    assert "Francis Gurry" not in missed


def test_the_identities_list_queries_do_not_grow_with_identities_and_editions(admin_client, three_editions):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert admin_client.get("/admin/agenda/personidentity/").status_code == 200
        return len(queries)

    for n in range(2):
        person_update(person=Person(edition=three_editions[0], slug=f"p{n}", name=f"P {n}"))
    count()  # the first request of a session reads what later ones find cached
    small = count()
    for n in range(2, 30):
        for edition in three_editions:
            person_update(person=Person(edition=edition, slug=f"p{n}", name=f"P {n}"))
    large = count()

    assert large == small


def test_merging_identities_in_the_admin(admin_client, three_editions):
    organisation_update(organisation=Organisation(edition=three_editions[0], slug="ali", name="Ali"))
    organisation_update(organisation=Organisation(edition=three_editions[1], slug="alibaba", name="Alibaba"))

    response = admin_client.post(
        "/admin/agenda/organisationidentity/",
        {"action": "merge", "_selected_action": list(OrganisationIdentity.objects.values_list("pk", flat=True))},
        follow=True,
    )

    assert "Merged as “Alibaba”." in text(response)
    assert OrganisationIdentity.objects.count() == 1
    assert set(Organisation.objects.values_list("name", flat=True)) == {"Alibaba"}


# --- Imports -----------------------------------------------------------------------------------------------------


def test_an_imported_person_with_a_known_name_is_matched(admin_client, three_editions):
    gurry_at(three_editions[0], bio_en="Former Director-General of WIPO.")
    rows = [["edition", "slug", "name", "title"], ["2024", "gurry-f", "Francis Gurry", "Vice-Chair"]]

    preview = upload(admin_client, "person", rows)
    assert "Found at the summit’s other editions: Francis Gurry." in page_text(preview)
    confirm(admin_client, "person", preview)

    imported = Person.objects.get(edition=three_editions[2])
    assert imported.identity_id == Person.objects.get(edition=three_editions[0]).identity_id
    assert (imported.title, imported.bio) == ("Vice-Chair", "Former Director-General of WIPO.")


def test_an_import_can_name_the_identity_and_an_export_gives_it(admin_client, three_editions):
    gurry_at(three_editions[0])
    rows = [["edition", "slug", "name", "identity"], ["2024", "someone", "Someone Else", "francis-gurry"]]

    confirm(admin_client, "person", upload(admin_client, "person", rows))
    exported = PersonResource().export(queryset=Person.objects.order_by("edition__year"))

    assert Person.objects.get(edition=three_editions[2]).identity.slug == "francis-gurry"
    assert Person.objects.get(edition=three_editions[0]).name == "Someone Else"
    assert exported.dict[0]["identity"] == exported.dict[1]["identity"] == "francis-gurry"


def test_an_import_naming_an_unknown_identity_says_so(admin_client, three_editions):
    rows = [["edition", "slug", "name", "identity"], ["2024", "someone", "Someone", "nobody-known"]]

    preview = upload(admin_client, "person", rows)

    assert "No one across the summit’s editions has the slug “nobody-known”" in page_text(preview)
    assert not Person.objects.exists()


# --- The API and the demo ----------------------------------------------------------------------------------------


def test_the_api_gives_the_identity_and_the_other_editions(client, three_editions):
    rows = [gurry_at(edition) for edition in three_editions]
    speaks(rows[0], "Opening")
    speaks(rows[2], "AI governance forum")

    speaker = client.get("/api/editions/2024/speakers/francis-gurry/").json()

    assert speaker["identity"] == {
        "id": rows[2].identity_id,
        "slug": "francis-gurry",
        "other_editions": [
            {
                "edition": "2022",
                "year": 2022,
                "slug": "francis-gurry",
                "url": "http://testserver/2022/speakers/francis-gurry/",
                "api": "http://testserver/api/editions/2022/speakers/francis-gurry/",
            }
        ],
    }


def test_the_demo_links_its_people_and_organisations_across_editions():
    call_command("load_demo", "--no-pictures", stdout=__import__("io").StringIO())

    gurry = Person.objects.filter(slug="francis-gurry")
    alibaba = Organisation.objects.filter(slug="alibaba-group")

    assert gurry.count() > 1 and len(set(gurry.values_list("identity", flat=True))) == 1
    assert alibaba.count() > 1 and len(set(alibaba.values_list("identity", flat=True))) == 1
    assert not Person.objects.filter(identity__isnull=True).exists()


def test_the_migration_links_rows_of_a_summit_sharing_a_slug(three_editions):
    for edition in three_editions:
        PersonFactory(edition=edition, slug="ren-xianliang", name="Ren Xianliang")
    PersonFactory(edition=three_editions[0], slug="someone-else")
    migration = importlib.import_module("agenda.migrations.0025_link_rows_sharing_a_slug")

    migration.link_all(apps, None)

    ren = PersonIdentity.objects.get(slug="ren-xianliang")
    assert ren.people.count() == 3 and ren.name == "Ren Xianliang"
    assert PersonIdentity.objects.count() == 2
