"""One edition at a time in the back office: lists open on the working edition, new objects start in it,
autocompletes, form choices and list filters offer that edition's objects only."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from agenda.models import Session
from attendees.models import Registration
from tests.agenda.admin_forms import in_english
from tests.factories import (
    AwardProgrammeFactory,
    EditionFactory,
    ExhibitFactory,
    ExpoFactory,
    HallFactory,
    HonoureeFactory,
    OrganisationFactory,
    PersonFactory,
    RoomFactory,
    SessionFactory,
    TopicFactory,
    VenueFactory,
)
from tests.factories.attendees import RegistrationFactory

pytestmark = pytest.mark.django_db

SESSIONS = reverse("admin:agenda_session_changelist")
PEOPLE = reverse("admin:agenda_person_changelist")
ADD_SESSION = reverse("admin:agenda_session_add")
AUTOCOMPLETE = reverse("admin:autocomplete")
CENTER = "Wuzhen Internet International Convention and Exhibition Center"
NO_INLINE_ROWS = {
    f"{inline}-{count}": "0"
    for inline in ("speaker_links", "organiser_links", "items")
    for count in ("TOTAL_FORMS", "INITIAL_FORMS")
}


def summit_edition(year, **extra):
    return EditionFactory(
        year=year,
        slug=str(year),
        name=f"{year} Wuzhen Summit",
        start_date=dt.date(year, 11, 8),
        end_date=dt.date(year, 11, 10),
        **extra,
    )


@pytest.fixture
def old():
    return summit_edition(2023)


@pytest.fixture
def current():
    return summit_edition(2024, is_current=True)


def forum_hall(edition):
    """Every edition has a “Forum Hall A” in a convention center of the same name."""
    return RoomFactory(venue=VenueFactory(edition=edition, name=CENTER), name="Forum Hall A")


def listed(response):
    return sorted(str(obj) for obj in response.context["cl"].result_list)


def edition_param(response):
    return re.search(r"edition__id__exact=(\w+)", response["Location"]).group(1)


# -- lists open on the working edition --------------------------------------------------------


def test_the_session_list_opens_on_the_current_edition_keeping_the_query(organiser_client, old, current):
    SessionFactory(edition=old, title="Data governance 2023")
    SessionFactory(edition=current, title="Data governance 2024")

    response = organiser_client.get(SESSIONS, {"q": "governance", "o": "1"})

    assert response.status_code == 302
    assert response["Location"].startswith(f"{SESSIONS}?")
    assert "q=governance" in response["Location"] and "o=1" in response["Location"]
    assert edition_param(response) == str(current.pk)
    page = organiser_client.get(response["Location"])
    assert listed(page) == ["Data governance 2024"]
    assert page.context["subtitle"] == "Sessions · 2024 Wuzhen Summit"
    assert "<h2>Sessions · 2024 Wuzhen Summit</h2>" in page.content.decode()


def test_choosing_another_edition_is_remembered_by_every_list_and_new_objects(organiser_client, old, current):
    PersonFactory(edition=old, name="Kilnam Chon")
    PersonFactory(edition=current, name="Francis Gurry")

    organiser_client.get(SESSIONS, {"edition__id__exact": old.pk})

    assert edition_param(organiser_client.get(SESSIONS)) == str(old.pk)
    people = organiser_client.get(PEOPLE, follow=True)
    assert listed(people) == ["Kilnam Chon"]
    assert organiser_client.get(ADD_SESSION).context["adminform"].form.initial["edition"] == old.pk


def test_all_editions_stays_chosen_for_that_list_until_an_edition_is_chosen_in_it(organiser_client, old, current):
    SessionFactory(edition=old, title="Opening ceremony 2023")
    SessionFactory(edition=current, title="Opening ceremony 2024")

    everything = organiser_client.get(SESSIONS, {"edition__id__exact": "all"})

    assert listed(everything) == ["Opening ceremony 2023", "Opening ceremony 2024"]
    assert everything.context["subtitle"] == "Sessions · all editions"
    assert edition_param(organiser_client.get(SESSIONS)) == "all"
    assert edition_param(organiser_client.get(PEOPLE)) == str(current.pk)  # other lists keep the working edition
    organiser_client.get(SESSIONS, {"edition__id__exact": current.pk})
    assert edition_param(organiser_client.get(SESSIONS)) == str(current.pk)


def test_the_edition_filter_offers_all_editions_and_each_edition_newest_first(organiser_client, old, current):
    page = organiser_client.get(SESSIONS, follow=True)

    spec = next(spec for spec in page.context["cl"].filter_specs if spec.title == "edition")
    choices = [(choice["display"], choice["selected"]) for choice in spec.choices(page.context["cl"])]
    assert choices == [("All editions", False), ("2024 Wuzhen Summit", True), ("2023 Wuzhen Summit", False)]


@pytest.mark.parametrize("value", ["²", "abc", "99999999", "1e3", ""])
def test_a_bad_edition_in_the_address_falls_back_to_the_working_edition_with_a_message(
    organiser_client, current, value
):
    response = organiser_client.get(SESSIONS, {"edition__id__exact": value}, follow=True)

    assert response.status_code == 200
    assert response.redirect_chain == [(f"{SESSIONS}?edition__id__exact={current.pk}", 302)]
    assert [str(m) for m in response.context["messages"]] == [
        "There is no such edition: the list shows 2024 Wuzhen Summit."
    ]


def test_actions_popups_and_exports_are_not_redirected(organiser_client, old, current):
    draft = SessionFactory(edition=old, status="draft")

    action = organiser_client.post(SESSIONS, {"action": "publish", "_selected_action": [draft.pk]})
    popup = organiser_client.get(SESSIONS, {"_popup": "1", "_to_field": "id"})
    export = organiser_client.get(reverse("admin:agenda_session_export"))

    assert action.status_code == 302
    draft.refresh_from_db()
    assert draft.status == "published"
    assert (popup.status_code, export.status_code) == (200, 200)


def test_a_list_without_any_edition_opens_as_it_is(organiser_client):
    assert organiser_client.get(SESSIONS).status_code == 200


@pytest.mark.parametrize(
    ("url_name", "param"),
    [
        ("admin:agenda_venue_changelist", "edition__id__exact"),
        ("admin:agenda_room_changelist", "venue__edition__id__exact"),
        ("admin:agenda_topic_changelist", "edition__id__exact"),
        ("admin:agenda_organisation_changelist", "edition__id__exact"),
        ("admin:agenda_person_changelist", "edition__id__exact"),
        ("admin:agenda_expo_changelist", "edition__id__exact"),
        ("admin:agenda_hall_changelist", "expo__edition__id__exact"),
        ("admin:agenda_exhibit_changelist", "expo__edition__id__exact"),
        ("admin:agenda_awardprogramme_changelist", "edition__id__exact"),
        ("admin:agenda_honouree_changelist", "programme__edition__id__exact"),
        ("admin:attendees_registration_changelist", "edition__id__exact"),
    ],
)
def test_every_list_of_edition_things_opens_on_the_working_edition(organiser_client, old, current, url_name, param):
    response = organiser_client.get(reverse(url_name))

    assert response.status_code == 302
    assert response["Location"].endswith(f"?{param}={current.pk}")
    assert organiser_client.get(response["Location"]).status_code == 200


def test_registrations_open_on_the_working_edition(organiser_client, old, current):
    RegistrationFactory(edition=old, name="Delegate of 2023")
    RegistrationFactory(edition=current, name="Delegate of 2024")

    page = organiser_client.get(reverse("admin:attendees_registration_changelist"), follow=True)

    assert [registration.name for registration in page.context["cl"].result_list] == ["Delegate of 2024"]
    assert Registration.objects.count() == 2


def test_saving_a_session_of_another_edition_shows_the_list_of_that_edition(organiser_client, old, current):
    session = SessionFactory(edition=old, room=None)
    change = reverse("admin:agenda_session_change", args=[session.pk])
    data = {
        **{k: v for k, v in organiser_client.get(change).context["adminform"].form.initial.items() if v is not None},
        "edition": old.pk,
        "title_en": "Renamed",
        "start_0": "2023-11-08",
        "start_1": "09:00",
        "end_0": "2023-11-08",
        "end_1": "11:00",
        **NO_INLINE_ROWS,
    }

    response = organiser_client.post(f"{change}?_changelist_filters=edition__id__exact%3D{current.pk}", data)

    assert response.status_code == 302
    assert edition_param(response) == str(old.pk)
    assert Session.objects.get(pk=session.pk).title == "Renamed"


# -- new objects start in the working edition -------------------------------------------------


@pytest.mark.parametrize("model", ["session", "person", "organisation", "venue", "topic", "expo", "awardprogramme"])
def test_a_new_object_starts_in_the_working_edition(organiser_client, old, current, model):
    organiser_client.get(SESSIONS, {"edition__id__exact": old.pk})

    form = organiser_client.get(reverse(f"admin:agenda_{model}_add")).context["adminform"].form

    assert form.initial["edition"] == old.pk


def test_a_new_exhibit_starts_in_the_working_editions_expo(organiser_client, old, current):
    ExpoFactory(edition=old)
    expo = ExpoFactory(edition=current, name="Light of the Internet Expo")

    form = organiser_client.get(reverse("admin:agenda_exhibit_add")).context["adminform"].form

    assert form.initial["expo"] == expo.pk
    assert [label for _, label in form.fields["expo"].choices] == ["---------", "Light of the Internet Expo · 2024"]


# -- autocompletes ----------------------------------------------------------------------------


def autocomplete(client, **params):
    params = {"app_label": "agenda", "model_name": "session", "field_name": "room", **params}
    response = client.get(AUTOCOMPLETE, params)
    assert response.status_code == 200
    return [result["text"] for result in response.json()["results"]]


def test_the_room_autocomplete_offers_the_editions_rooms_by_name_each_labelled(organiser_client, old, current):
    forum_hall(old)
    room = forum_hall(current)
    RoomFactory(venue=room.venue, name="Bridge Room", position=9)

    assert autocomplete(organiser_client, edition=current.pk) == [
        f"Bridge Room · {CENTER} · 2024",
        f"Forum Hall A · {CENTER} · 2024",
    ]
    assert autocomplete(organiser_client, edition=current.pk, term="forum") == [f"Forum Hall A · {CENTER} · 2024"]
    assert autocomplete(organiser_client, term="forum") == [  # no edition asked: all, the latest first
        f"Forum Hall A · {CENTER} · 2024",
        f"Forum Hall A · {CENTER} · 2023",
    ]


@pytest.mark.parametrize("value", ["abc", "²", "-1", "1" * 30])
def test_the_autocomplete_ignores_an_edition_that_is_not_a_number(organiser_client, old, value):
    forum_hall(old)

    assert autocomplete(organiser_client, edition=value) == [f"Forum Hall A · {CENTER} · 2023"]


def test_the_autocomplete_finds_nothing_for_an_edition_that_does_not_exist(organiser_client, old):
    forum_hall(old)

    assert autocomplete(organiser_client, edition=99999) == []


@pytest.mark.parametrize(
    ("model_name", "field_name", "make"),
    [
        ("session", "topic", lambda edition: TopicFactory(edition=edition, name="Cybersecurity")),
        ("sessionspeaker", "person", lambda edition: PersonFactory(edition=edition, name="Zeng Yi")),
        ("sessionorganiser", "organisation", lambda edition: OrganisationFactory(edition=edition, name="GSMA")),
        ("sessionitem", "speakers", lambda edition: PersonFactory(edition=edition, name="Zeng Yi")),
        ("awardprogramme", "ceremony", lambda edition: SessionFactory(edition=edition, title="Awards ceremony")),
        ("exhibit", "exhibitor", lambda edition: OrganisationFactory(edition=edition, name="GSMA")),
        ("expo", "venue", lambda edition: VenueFactory(edition=edition, name=CENTER)),
    ],
)
def test_each_autocomplete_offers_one_editions_objects(organiser_client, old, current, model_name, field_name, make):
    make(old)
    wanted = make(current)

    found = autocomplete(organiser_client, model_name=model_name, field_name=field_name, edition=current.pk)

    assert found == [f"{wanted} · 2024"]


def autocomplete_url(page, field_id):
    tag = re.search(rf'<select [^>]*id="{field_id}"[^>]*>', page.content.decode()).group(0)
    return re.search(r'data-ajax--url="([^"]+)"', tag).group(1), "data-edition-follows" in tag


def test_a_new_sessions_autocompletes_ask_for_the_working_edition_and_follow_the_edition_select(
    organiser_client, old, current
):
    page = organiser_client.get(ADD_SESSION)

    for field_id in (
        "id_room",
        "id_venue",
        "id_topic",
        "id_speaker_links-0-person",
        "id_organiser_links-0-organisation",
    ):
        assert autocomplete_url(page, field_id) == (f"{AUTOCOMPLETE}?edition={current.pk}", True)


def test_a_saved_sessions_autocompletes_ask_for_its_own_edition(organiser_client, old, current):
    session = SessionFactory(edition=old)

    page = organiser_client.get(reverse("admin:agenda_session_change", args=[session.pk]))

    assert autocomplete_url(page, "id_room") == (f"{AUTOCOMPLETE}?edition={old.pk}", False)
    assert autocomplete_url(page, "id_speaker_links-0-person") == (f"{AUTOCOMPLETE}?edition={old.pk}", False)


def change_page(obj):
    return reverse(f"admin:agenda_{obj._meta.model_name}_change", args=[obj.pk])


@pytest.mark.parametrize(
    ("make", "field_id"),
    [
        (lambda edition: PersonFactory(edition=edition), "id_organisation"),
        (lambda edition: AwardProgrammeFactory(edition=edition), "id_ceremony"),
        (lambda edition: AwardProgrammeFactory(edition=edition), "id_honourees-0-person"),
        (lambda edition: ExpoFactory(edition=edition), "id_venue"),
        (lambda edition: ExpoFactory(edition=edition), "id_exhibits-__prefix__-exhibitor"),
        (lambda edition: ExhibitFactory(expo__edition=edition), "id_exhibitor"),
        (lambda edition: HonoureeFactory(programme__edition=edition), "id_organisation"),
    ],
)
def test_other_forms_autocompletes_ask_for_the_objects_edition(organiser_client, old, current, make, field_id):
    page = organiser_client.get(change_page(make(old)))

    assert autocomplete_url(page, field_id)[0] == f"{AUTOCOMPLETE}?edition={old.pk}"


def test_the_chosen_room_is_shown_with_its_venue_and_edition(organiser_client, old, current):
    room = forum_hall(old)
    session = SessionFactory(edition=old, room=room)

    text = organiser_client.get(reverse("admin:agenda_session_change", args=[session.pk])).content.decode()

    assert f'<option value="{room.pk}" selected>Forum Hall A · {CENTER} · 2023</option>' in text


# -- form choices -----------------------------------------------------------------------------


def session_form(edition, **overrides):
    data = {
        "edition": edition.pk,
        "kind": "sub_forum",
        "title": "Computing network forum",
        "slug": "computing-network",
        "status": "draft",
        "start_0": edition.start_date.isoformat(),
        "start_1": "14:00",
        "end_0": edition.start_date.isoformat(),
        "end_1": "17:00",
        "language": "en",
        **NO_INLINE_ROWS,
    }
    data.update(overrides)
    return in_english(data)


def test_a_room_of_another_edition_is_refused_on_the_form_naming_it(organiser_client, old, current):
    stray = forum_hall(old)
    forum_hall(current)

    response = organiser_client.post(ADD_SESSION, session_form(current, room=stray.pk))

    form = response.context["adminform"].form
    assert response.status_code == 200
    assert form.errors["room"] == ["Room “Forum Hall A” belongs to another edition."]
    assert [label for _, label in form.fields["room"].choices] == ["---------", f"Forum Hall A · {CENTER} · 2024"]
    assert not Session.objects.exists()


def test_a_posted_edition_decides_the_choices(organiser_client, old, current):
    room = forum_hall(old)  # the working edition is 2024, the organiser chose 2023 on the form

    response = organiser_client.post(ADD_SESSION, session_form(old, room=room.pk))

    assert response.status_code == 302
    assert Session.objects.get().room == room


def test_a_speaker_of_another_edition_is_refused_in_the_inline(organiser_client, old, current):
    stray = PersonFactory(edition=old, name="Robin Li")
    data = session_form(
        current,
        **{
            "speaker_links-TOTAL_FORMS": "1",
            "speaker_links-0-person": stray.pk,
            "speaker_links-0-role": "keynote",
            "speaker_links-0-position": "0",
        },
    )

    response = organiser_client.post(ADD_SESSION, data)

    assert "Person “Robin Li” belongs to another edition." in response.content.decode()
    assert not Session.objects.exists()


def test_an_exhibits_hall_and_exhibitor_come_from_its_expos_edition(organiser_client, old, current):
    exhibit = ExhibitFactory(expo__edition=current)
    HallFactory(expo__edition=old, name="Hall 1")
    hall = HallFactory(expo=exhibit.expo, name="Hall 1")

    form = organiser_client.get(reverse("admin:agenda_exhibit_change", args=[exhibit.pk])).context["adminform"].form

    assert [label for _, label in form.fields["hall"].choices] == ["---------", "Hall 1 · 2024"]
    assert list(form.fields["exhibitor"].queryset) == [exhibit.exhibitor]
    assert hall.expo.edition == current


# -- list filters ----------------------------------------------------------------------------


def filter_choices(page, title):
    spec = next(spec for spec in page.context["cl"].filter_specs if spec.title == title)
    shown = [choice["display"] for choice in spec.choices(page.context["cl"])][1:]  # after “All”
    return [display for display in shown if display != "-"]  # nor the “empty” choice


def test_the_session_filters_list_the_shown_editions_rooms_topics_and_days(organiser_client, old, current):
    SessionFactory(edition=old, room=forum_hall(old), topic=TopicFactory(edition=old, name="Data governance"))
    SessionFactory(edition=current, room=forum_hall(current), topic=TopicFactory(edition=current, name="AI"))

    shown = organiser_client.get(SESSIONS, follow=True)
    everything = organiser_client.get(SESSIONS, {"edition__id__exact": "all"})

    assert filter_choices(shown, "room") == ["Forum Hall A"]  # with “-”, for sessions without a room
    assert filter_choices(shown, "topic") == ["AI"]
    assert filter_choices(shown, "day") == ["Fri 8 Nov 2024"]
    assert filter_choices(everything, "room") == [f"Forum Hall A · {CENTER} · 2024", f"Forum Hall A · {CENTER} · 2023"]
    assert filter_choices(everything, "topic") == ["AI · 2024", "Data governance · 2023"]


def test_the_sub_forum_filter_lists_the_shown_editions_sub_forums(organiser_client, old, current):
    SessionFactory(edition=old, title="Youth forum 2023", registration_required=True)
    SessionFactory(edition=current, title="Youth forum 2024", registration_required=True)

    page = organiser_client.get(reverse("admin:attendees_registration_changelist"), follow=True)

    assert filter_choices(page, "sub-forum") == ["Youth forum 2024"]


@pytest.mark.parametrize(
    ("url_name", "title", "make"),
    [
        ("admin:agenda_room_changelist", "venue", lambda edition: VenueFactory(edition=edition)),
        ("admin:agenda_exhibit_changelist", "expo", lambda edition: ExpoFactory(edition=edition)),
        ("admin:agenda_exhibit_changelist", "hall", lambda edition: HallFactory(expo__edition=edition)),
        ("admin:agenda_hall_changelist", "expo", lambda edition: ExpoFactory(edition=edition)),
        ("admin:agenda_honouree_changelist", "award programme", lambda edition: AwardProgrammeFactory(edition=edition)),
        ("admin:agenda_person_changelist", "organisation", lambda edition: OrganisationFactory(edition=edition)),
    ],
)
def test_related_filters_list_the_shown_editions_choices(organiser_client, old, current, url_name, title, make):
    make(old)
    wanted = sorted(str(make(current)) for _ in range(2))

    page = organiser_client.get(reverse(url_name), follow=True)

    assert filter_choices(page, title) == wanted


def test_the_edition_filter_counts_sessions_when_facets_are_shown(organiser_client, old, current):
    SessionFactory.create_batch(2, edition=old)
    SessionFactory(edition=current)

    page = organiser_client.get(SESSIONS, {"edition__id__exact": "all", "_facets": "True"})

    assert filter_choices(page, "edition") == ["2024 Wuzhen Summit (1)", "2023 Wuzhen Summit (2)"]


def test_the_ceremony_autocomplete_searches_one_editions_sessions_by_title(organiser_client, old, current):
    for edition in (old, current):
        SessionFactory(edition=edition, title="Awards ceremony")
        SessionFactory(edition=edition, title="Awards of the Internet competition")

    found = autocomplete(
        organiser_client, model_name="awardprogramme", field_name="ceremony", term="awards", edition=old.pk
    )

    assert found == ["Awards ceremony · 2023", "Awards of the Internet competition · 2023"]


def test_a_list_of_one_edition_leaves_out_the_edition_column_and_all_editions_show_it(organiser_client):
    current = EditionFactory(name="2031 Wuzhen Summit", is_current=True)
    SessionFactory(edition=current, title="AI forum")
    changelist = reverse("admin:agenda_session_changelist")

    one = organiser_client.get(changelist, follow=True)
    every = organiser_client.get(changelist, {"edition__id__exact": "all"}, follow=True)

    assert "column-edition_label" not in one.content.decode()
    assert "column-edition_label" in every.content.decode()
