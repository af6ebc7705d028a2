"""Publishing a release from the admin as a demanding organiser does: notes in both languages, a preview that is
what gets published, and a clear word on the same form when there is nothing (more) to publish."""

import datetime as dt
import re

import pytest

from agenda import services
from agenda.models import Release, Session
from attendees.models import SessionChoice
from tests.agenda.release_programme import Programme
from tests.factories import EditionFactory, SessionFactory
from tests.factories.attendees import RegistrationFactory

pytestmark = pytest.mark.django_db

ADD = "/admin/agenda/release/add/"


@pytest.fixture
def programme(edition):
    return Programme(edition)


def publish_form(client, edition):
    """What the organiser's browser sends back: the preview's edition and the release it compared with."""
    page = client.get(f"{ADD}?edition={edition.pk}").text
    hidden = dict(re.findall(r'<input type="hidden" name="(previewed_edition|compared_with)" value="(\d+)">', page))
    return {"edition": edition.pk, "note_en": "", "note_zh_hans": "", **hidden}


def errors(response):
    """The messages the form shows above its fields."""
    return [
        re.sub(r"\s+", " ", text).strip()
        for text in re.findall(r'<ul class="errorlist nonfield">\s*<li>(.*?)</li>', response.text, re.S)
    ]


def test_an_organiser_publishes_a_release_with_a_note_in_both_languages(organiser_client, organiser, programme):
    services.publish_release(edition=programme.edition)
    programme.edit()

    preview = organiser_client.get(f"{ADD}?edition={programme.edition.pk}").text
    assert "Preview of release 2 of 2024 Wuzhen Summit" in preview
    assert "Since release 1, 6 sessions changed." in preview
    assert "Wed 20 Nov, 14:00–16:00, Room A → Thu 21 Nov, 09:00–11:00, Room B" in preview
    assert "No delegate holds a place in these sessions: nobody will be emailed." in preview
    # The two notes side by side, as the other bilingual forms, each as long as a note may be.
    assert 'class="form-row field-note_en field-note_zh_hans"' in preview
    assert re.search(r'<textarea name="note_zh_hans"[^>]*lang="zh-Hans"[^>]*maxlength="2000"', preview)

    data = publish_form(organiser_client, programme.edition)
    data.update(note_en="Forums moved to Room B.", note_zh_hans="多场论坛移至会场 B。")
    response = organiser_client.post(ADD, data, follow=True)

    release = Release.objects.get(edition=programme.edition, number=2)
    assert (release.note_en, release.note_zh_hans) == ("Forums moved to Room B.", "多场论坛移至会场 B。")
    assert (release.published_by, len(release.changes)) == (organiser, 6)
    assert "was added successfully" in response.text
    assert "No delegate holds a place in a changed session: nobody will be emailed." in response.text

    listed = organiser_client.get(f"/admin/agenda/release/?edition__id__exact={programme.edition.pk}").text
    assert "1 moved" in listed and "first published programme" in listed
    assert (
        '<span lang="en">Forums moved to Room B.</span><br><span lang="zh-Hans">多场论坛移至会场 B。</span>' in listed
    )

    page = organiser_client.get(f"/admin/agenda/release/{release.pk}/change/").text
    assert "Room A → Thu 21 Nov" in page
    assert "Forums moved to Room B." in page and "多场论坛移至会场 B。" in page
    assert 'class="form-row field-note_en field-note_zh_hans"' in page
    assert 'name="_save"' not in page  # read-only


def test_the_preview_counts_the_delegates_to_be_emailed(organiser_client, programme):
    for session in (programme.moving, programme.moving, programme.steady):
        SessionChoice.objects.create(registration=RegistrationFactory(edition=programme.edition), session=session)
    services.publish_release(edition=programme.edition)
    programme.edit()

    preview = organiser_client.get(f"{ADD}?edition={programme.edition.pk}").text

    assert "2 delegates hold a place in these sessions and will be emailed." in preview


def test_the_list_cuts_a_long_note_short(organiser_client, programme):
    services.publish_release(edition=programme.edition, note_en="Programme out. " + "x" * 300)

    listed = organiser_client.get(f"/admin/agenda/release/?edition__id__exact={programme.edition.pk}").text

    assert "Programme out. " + "x" * 64 + "…" in listed
    assert "x" * 100 not in listed


def test_publishing_with_nothing_changed_says_so_and_publishes_nothing(organiser_client, programme):
    services.publish_release(
        edition=programme.edition, now=dt.datetime(2024, 11, 1, 9, 30, tzinfo=programme.edition.zone)
    )
    expected = (
        "Nothing in the public programme has changed since release 1 (Fri 1 Nov, 09:30): there is nothing to publish."
    )

    preview = organiser_client.get(f"{ADD}?edition={programme.edition.pk}").text
    assert expected in preview  # told before pressing the button
    assert "sessions changed" not in preview

    data = publish_form(organiser_client, programme.edition)
    data["note_en"] = "A note the organiser typed"
    response = organiser_client.post(ADD, data)

    assert response.status_code == 200
    assert errors(response) == [expected]
    assert "A note the organiser typed</textarea>" in response.text  # kept for when something has changed
    assert Release.objects.count() == 1


def test_a_colleague_publishing_while_the_preview_was_open_is_named_and_nothing_more_is_published(
    organiser_client, programme, django_user_model
):
    services.publish_release(edition=programme.edition)
    programme.edit()
    data = publish_form(organiser_client, programme.edition)  # the preview of release 2, compared with release 1
    colleague = django_user_model.objects.create_user("wang", first_name="Wang", last_name="Fang", is_staff=True)
    services.publish_release(
        edition=programme.edition, by=colleague, now=dt.datetime(2024, 11, 2, 15, 5, tzinfo=programme.edition.zone)
    )
    Session.objects.filter(pk=programme.steady.pk).update(title_en="Steady and sure forum")  # another edit since

    response = organiser_client.post(ADD, {**data, "note_en": "Room changes"})

    assert errors(response) == [
        "Wang Fang published release 2 at Sat 2 Nov, 15:05, after this preview was shown: nothing more was "
        "published. The preview below now compares with release 2."
    ]
    assert list(Release.objects.values_list("number", flat=True)) == [2, 1]
    # The fresh preview is of release 3, with only the edit made since release 2; sending it again publishes that.
    assert "Preview of release 3 of 2024 Wuzhen Summit" in response.text
    assert "Since release 2, 1 session changed." in response.text
    assert '<input type="hidden" name="compared_with" value="2">' in response.text
    organiser_client.post(ADD, {**data, "compared_with": 2, "note_en": "Room changes"})
    assert Release.objects.get(number=3).changes[0]["kinds"] == ["renamed"]


def test_a_form_sent_twice_publishes_one_release_and_says_so(organiser_client, programme):
    services.publish_release(edition=programme.edition)
    programme.edit()
    data = publish_form(organiser_client, programme.edition)

    first = organiser_client.post(ADD, data)
    second = organiser_client.post(ADD, data)

    assert first.status_code == 302
    assert second.status_code == 200
    [message] = errors(second)
    assert message.startswith("You published release 2 at ")
    assert "nothing more was published" in message
    assert list(Release.objects.values_list("number", flat=True)) == [2, 1]


def test_a_refusal_under_the_lock_is_shown_on_the_form(organiser_client, programme):
    """The form's own checks pass (its preview is current), and publish_release refuses under its lock."""
    services.publish_release(edition=programme.edition)
    data = publish_form(organiser_client, programme.edition)
    assert data["compared_with"] == "1"

    response = organiser_client.post(ADD, {**data, "note_en": "Nothing, really"})

    assert response.status_code == 200
    [message] = errors(response)
    assert message.startswith("Nothing in the public programme has changed since release 1")
    assert "Nothing, really</textarea>" in response.text
    assert Release.objects.count() == 1


def test_an_unpublished_edition_cannot_be_released(organiser_client, programme):
    programme.edition.is_published = False
    programme.edition.save()
    expected = (
        "2024 Wuzhen Summit is not published: attendees cannot see its programme or its changes yet. "
        "Publish the edition first."
    )

    preview = organiser_client.get(f"{ADD}?edition={programme.edition.pk}").text
    assert expected in preview

    response = organiser_client.post(ADD, publish_form(organiser_client, programme.edition))

    assert errors(response) == [expected]
    assert not Release.objects.exists()


def test_an_edition_with_no_published_session_has_nothing_to_release(organiser_client, edition):
    SessionFactory(edition=edition, status="draft")

    response = organiser_client.post(ADD, publish_form(organiser_client, edition))

    assert errors(response) == [
        "2024 Wuzhen Summit has no published session yet: publish sessions before its first release."
    ]
    assert not Release.objects.exists()


def test_a_huge_note_is_refused_on_the_form(organiser_client, programme):
    data = publish_form(organiser_client, programme.edition)
    data.update(note_en="Long note. " * 240, note_zh_hans="长" * 2001)

    response = organiser_client.post(ADD, data)

    assert response.status_code == 200
    assert "Ensure this value has at most 2000 characters (it has 2639)." in response.text
    assert "Ensure this value has at most 2000 characters (it has 2001)." in response.text
    assert not Release.objects.exists()


def test_choosing_another_edition_without_its_preview_shows_the_preview_first(organiser_client, programme):
    other = EditionFactory(name="2031 Wuzhen Summit", slug="2031", start_date=dt.date(2031, 11, 19))
    SessionFactory(edition=other, title="Opening of 2031")
    data = publish_form(organiser_client, programme.edition)  # the preview shown was of 2024

    response = organiser_client.post(ADD, {**data, "edition": other.pk, "note_en": "The 2031 programme"})

    assert errors(response) == [
        "Check the preview below of what this release of 2031 Wuzhen Summit will say, then publish it."
    ]
    assert "Preview of release 1 of 2031 Wuzhen Summit" in response.text
    assert not Release.objects.exists()
    organiser_client.post(ADD, {**data, "edition": other.pk, "previewed_edition": other.pk, "compared_with": 0})
    assert list(Release.objects.values_list("edition__slug", "number")) == [("2031", 1)]


def test_the_publish_form_runs_no_inline_script(organiser_client, programme):
    page = organiser_client.get(f"{ADD}?edition={programme.edition.pk}").text

    assert '<script src="/static/js/release-publish.js" defer></script>' in page
    inline = [script for script in re.findall(r"<script([^>]*)>", page) if "src=" not in script]
    # Only the admin's own JSON data blocks, which are not run.
    assert all('type="application/json"' in attributes for attributes in inline), inline


@pytest.mark.parametrize(
    "query",
    ["edition=abc", "edition=999999", "edition=", "edition=1&note_en=" + "x" * 3000, "edition=1&compared_with=x"],
)
def test_an_odd_address_still_shows_the_form(organiser_client, programme, query):
    response = organiser_client.get(f"{ADD}?{query}")
    assert response.status_code == 200
    assert 'name="note_en"' in response.text


@pytest.mark.parametrize(
    "changed",
    [
        {"compared_with": "two"},
        {"compared_with": "-1"},
        {"previewed_edition": ""},
        {"edition": "999999"},
        {"edition": "abc"},
    ],
)
def test_an_odd_form_is_refused_on_the_same_form(organiser_client, programme, changed):
    data = {**publish_form(organiser_client, programme.edition), **changed}

    response = organiser_client.post(ADD, data)

    assert response.status_code == 200
    assert 'class="errornote"' in response.text
    assert not Release.objects.exists()
