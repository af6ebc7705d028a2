"""Content in English and Chinese: a missing Chinese text falls back to English, search finds either
language, the admin edits both side by side and flags what lacks Chinese, and files carry both."""

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

from agenda.models import Exhibit, Person, Session
from agenda.resources import PersonResource, SessionResource
from agenda.selectors import search_sessions
from agenda.selectors.expo import search_exhibits
from agenda.selectors.people import speaker_directory
from tests.agenda.test_imports import confirm, problems, upload
from tests.agenda.test_imports_round_trip import csv_dicts, export
from tests.factories import (
    EditionFactory,
    ExhibitFactory,
    PersonFactory,
    SessionFactory,
    SessionSpeakerFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition():
    return EditionFactory(slug="2024", is_published=True)


def rendered(template, **context):
    return Template(template).render(Context(context))


# -- fallback --------------------------------------------------------------------------------------------------


def test_a_session_without_chinese_shows_its_english_title_on_the_chinese_page(edition):
    session = SessionFactory(edition=edition, title="World Internet Forum")

    with translation.override("zh-hans"):
        assert rendered("{{ session.title }}", session=session) == "World Internet Forum"


def test_a_session_with_chinese_shows_it_on_the_chinese_page_and_english_on_the_english_one(edition):
    session = SessionFactory(edition=edition, title="World Internet Forum", title_zh_hans="世界互联网论坛")
    session = Session.objects.get(pk=session.pk)

    with translation.override("zh-hans"):
        chinese = rendered("{{ session.title }}", session=session)
    with translation.override("en"):
        english = rendered("{{ session.title }}", session=session)

    assert (chinese, english) == ("世界互联网论坛", "World Internet Forum")


def test_a_person_carries_a_name_in_each_script(edition):
    person = PersonFactory(edition=edition, name="Wang Haifeng", name_zh_hans="王海峰")

    with translation.override("zh-hans"):
        chinese = Person.objects.get(pk=person.pk).name
    english = Person.objects.get(pk=person.pk).name

    assert (chinese, english) == ("王海峰", "Wang Haifeng")


def test_the_api_falls_back_to_english_when_the_chinese_text_is_missing(client, edition):
    SessionFactory(edition=edition, slug="opening", title="Opening ceremony", status="published")
    SessionFactory(edition=edition, slug="plenary", title="Plenary", title_zh_hans="全体会议", status="published")

    response = client.get(f"/api/editions/{edition.slug}/sessions/", {"lang": "zh-hans"})

    rows = response.json()
    rows = rows["results"] if isinstance(rows, dict) else rows
    assert {row["slug"]: row["title"] for row in rows} == {"opening": "Opening ceremony", "plenary": "全体会议"}


# -- search ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "zh-hans"])
@pytest.mark.parametrize("query", ["Digital economy", "数字经济", "Wang Haifeng", "王海峰"])
def test_sessions_are_found_by_either_languages_title_or_speaker_name(edition, language, query):
    session = SessionFactory(edition=edition, title="Digital economy forum", title_zh_hans="数字经济论坛")
    SessionFactory(edition=edition, title="Cybersecurity forum", title_zh_hans="网络安全论坛")
    person = PersonFactory(edition=edition, name="Wang Haifeng", name_zh_hans="王海峰")
    SessionSpeakerFactory(session=session, person=person)

    with translation.override(language):
        found = list(search_sessions(Session.objects.all(), query))

    assert found == [session]


@pytest.mark.parametrize("query", ["Wang", "王海峰"])
def test_speakers_are_found_by_either_script(edition, query):
    session = SessionFactory(edition=edition, status="published")
    speaker = PersonFactory(edition=edition, name="Wang Haifeng", name_zh_hans="王海峰")
    SessionSpeakerFactory(session=session, person=speaker)
    other = PersonFactory(edition=edition, name="Robin Li", name_zh_hans="李彦宏")
    SessionSpeakerFactory(session=session, person=other)

    assert list(speaker_directory(edition=edition, query=query)) == [speaker]


@pytest.mark.parametrize("query", ["robotic", "机器狗"])
def test_exhibits_are_found_by_either_languages_title(edition, query):
    exhibit = ExhibitFactory(expo__edition=edition, title="Robotic dogs", title_zh_hans="机器狗")
    ExhibitFactory(expo=exhibit.expo, exhibitor=exhibit.exhibitor, title="Smart glasses", title_zh_hans="智能眼镜")

    assert list(search_exhibits(Exhibit.objects.all(), query)) == [exhibit]


# -- admin ----------------------------------------------------------------------------------------------------


def test_the_session_form_edits_both_languages_side_by_side_and_saves_them(organiser_client, edition):
    session = SessionFactory(edition=edition, title="Digital economy forum")
    change = reverse("admin:agenda_session_change", args=[session.pk])

    page = organiser_client.get(change)
    form = page.context["adminform"].form
    rows = [list(line.fields) for fieldset in page.context["adminform"] for line in fieldset]
    data = {**{k: v for k, v in form.initial.items() if v is not None}, "title_zh_hans": "数字经济论坛"}
    data.update(
        {
            "start_0": session.start.astimezone(edition.zone).strftime("%Y-%m-%d"),
            "start_1": session.start.astimezone(edition.zone).strftime("%H:%M"),
            "end_0": session.end.astimezone(edition.zone).strftime("%Y-%m-%d"),
            "end_1": session.end.astimezone(edition.zone).strftime("%H:%M"),
        }
    )
    for prefix in ("speaker_links", "organiser_links", "items"):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    response = organiser_client.post(change, data)

    assert ["title_en", "title_zh_hans"] in rows
    assert (str(form.fields["title_en"].label), str(form.fields["title_zh_hans"].label)) == (
        "Title [en]",
        "Title [zh-hans]",
    )
    assert response.status_code == 302
    saved = Session.objects.get(pk=session.pk)
    assert (saved.title_en, saved.title_zh_hans) == ("Digital economy forum", "数字经济论坛")
    assert saved.revisions.latest().title_zh_hans == "数字经济论坛"  # the history keeps both languages


def test_the_untranslated_filter_lists_what_lacks_chinese_and_counts_it_for_the_edition(organiser_client, edition):
    missing = SessionFactory(edition=edition, title="Opening ceremony")
    empty = SessionFactory(edition=edition, title="Plenary", title_zh_hans="")
    SessionFactory(edition=edition, title="Digital economy forum", title_zh_hans="数字经济论坛")
    SessionFactory(edition=EditionFactory(), title="Another edition's session")
    changelist = reverse("admin:agenda_session_changelist")

    response = organiser_client.get(changelist, {"edition__id__exact": edition.pk, "untranslated": "missing"})

    assert set(response.context["cl"].result_list) == {missing, empty}
    assert "Chinese missing (2)" in response.content.decode()


def test_a_description_without_its_chinese_counts_as_untranslated_too(organiser_client, edition):
    half = SessionFactory(edition=edition, title="Main forum", title_zh_hans="主论坛", description="Leaders speak.")
    SessionFactory(
        edition=edition, title="Forum", title_zh_hans="论坛", description="Talks.", description_zh_hans="演讲。"
    )
    changelist = reverse("admin:agenda_session_changelist")

    response = organiser_client.get(changelist, {"edition__id__exact": edition.pk, "untranslated": "missing"})

    assert list(response.context["cl"].result_list) == [half]
    row = response.content.decode().split('class="field-chinese_missing">')[1].split("<")[0]
    assert row == "description"


def test_the_full_list_has_no_column_of_missing_chinese(organiser_client, edition):
    SessionFactory(edition=edition, title="Main forum", description="Leaders speak.")

    response = organiser_client.get(reverse("admin:agenda_session_changelist"), {"edition__id__exact": edition.pk})

    assert "field-chinese_missing" not in response.content.decode()


@pytest.mark.parametrize("admin_name", ["person", "organisation", "exhibit", "awardprogramme", "honouree", "session"])
def test_every_content_list_offers_the_untranslated_filter(organiser_client, admin_name):
    response = organiser_client.get(reverse(f"admin:agenda_{admin_name}_changelist"), follow=True)

    assert "untranslated=missing" in response.content.decode()


# -- imports and exports --------------------------------------------------------------------------------------


def test_an_import_with_chinese_columns_saves_both_languages(organiser_client, edition):
    rows = [
        ["edition", "slug", "name", "name_zh_hans", "title", "title_zh_hans"],
        ["2024", "wang-haifeng", "Wang Haifeng", "王海峰", "CTO", "首席技术官"],
        ["2024", "robin-li", "Robin Li", "", "CEO", ""],
    ]

    preview = upload(organiser_client, "person", rows)
    confirm(organiser_client, "person", preview)

    assert problems(preview) == {}
    saved = {p.slug: (p.name_en, p.name_zh_hans, p.title_en, p.title_zh_hans) for p in Person.objects.all()}
    assert saved == {
        "wang-haifeng": ("Wang Haifeng", "王海峰", "CTO", "首席技术官"),
        "robin-li": ("Robin Li", "", "CEO", ""),
    }


def test_an_export_holds_the_english_and_the_chinese_columns(organiser_client, edition):
    SessionFactory(edition=edition, slug="forum", title="Digital economy forum", title_zh_hans="数字经济论坛")

    with translation.override("zh-hans"):  # the back office's language does not change what is exported
        rows = csv_dicts(export(organiser_client, "session", SessionResource, "csv"))

    assert [(row["title"], row["title_zh_hans"]) for row in rows] == [("Digital economy forum", "数字经济论坛")]


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_an_export_with_chinese_texts_imported_again_has_nothing_to_change(organiser_client, edition, file_format):
    PersonFactory(edition=edition, slug="wang-haifeng", name="Wang Haifeng", name_zh_hans="王海峰", bio="Engineer")
    PersonFactory(edition=edition, slug="robin-li", name="Robin Li")  # no Chinese at all
    before = list(Person.objects.order_by("slug").values_list("name_en", "name_zh_hans", "bio_en", "bio_zh_hans"))
    content = export(organiser_client, "person", PersonResource, file_format)

    response = upload(organiser_client, "person", content, file_format)

    assert problems(response) == {}
    assert response.context["result"].nothing_to_change
    after = list(Person.objects.order_by("slug").values_list("name_en", "name_zh_hans", "bio_en", "bio_zh_hans"))
    assert after == before


def test_the_history_page_shows_a_chinese_change_under_its_language(organiser_client, edition):
    session = SessionFactory(edition=edition, title="Digital economy forum")
    session.title_zh_hans = "数字经济论坛"
    session.save()

    text = organiser_client.get(reverse("admin:agenda_session_history", args=[session.pk])).content.decode()

    assert "<strong>Title [zh-hans]:</strong> — → 数字经济论坛" in text
    assert "<strong>Title:</strong>" not in text
