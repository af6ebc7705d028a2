"""Who changed each session, exhibit, award and registration, and when: recorded on every path, read in the admin.

The History pages are tried on an admin site of their own whose classes take `HistoryAdmin` (this module is
the URL configuration of those tests), and on the real admin once its classes inherit it.
"""

import datetime as dt
import zoneinfo

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import NoReverseMatch, path, reverse
from django.utils import timezone
from django.utils.formats import date_format

from agenda import services
from agenda.admin.history import HistoryAdmin
from agenda.enums import SessionStatus
from agenda.models import AwardProgramme, Exhibit, Honouree, Session
from attendees import outbox
from attendees import services as registration_services
from attendees.enums import RegistrationStatus
from attendees.models import Registration
from tests.agenda.test_admin import session_form
from tests.factories import (
    AwardProgrammeFactory,
    EditionFactory,
    ExhibitFactory,
    HonoureeFactory,
    PersonFactory,
    SessionFactory,
)
from tests.factories.attendees import RegistrationFactory, delegate_data, open_registration
from wicplanner.urls import urlpatterns as site_urlpatterns

pytestmark = pytest.mark.django_db

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")
LEFT_OUT = {"token_key", "badge_code", "phone", "dietary_needs", "accessibility_needs", "duplicate_notice_sent_at"}

history_site = admin.AdminSite(name="history_admin")
for tracked in (Session, Exhibit, AwardProgramme, Honouree, Registration):
    history_site.register(tracked, type(f"{tracked.__name__}HistoryAdmin", (HistoryAdmin,), {}))
urlpatterns = [path("history-admin/", history_site.urls), *site_urlpatterns]
ON_HISTORY_SITE = pytest.mark.urls(__name__)


def history_url(obj, site="history_admin"):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[obj.pk], current_app=site)


def staff(django_user_model, username, group):
    user = django_user_model.objects.create_user(username, password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def editor_client(client, programme_editor):
    client.force_login(programme_editor)
    return client


@pytest.fixture
def edition():
    return EditionFactory(year=2031, name="2031 Wuzhen Summit", is_current=True, city="Wuzhen")


# -- recorded on every path ------------------------------------------------------------------------


def test_a_session_keeps_each_saved_version():
    session = SessionFactory(title="Forum on AI", status=SessionStatus.DRAFT)
    session.title = "Forum on AI governance"
    session.save()

    versions = list(session.revisions.order_by("history_date", "history_id"))

    assert [(v.history_type, v.title, v.history_user) for v in versions] == [
        ("+", "Forum on AI", None),
        ("~", "Forum on AI governance", None),
    ]


def test_publishing_in_bulk_records_each_session_and_who_did_it(organiser_client, organiser, edition):
    sessions = [SessionFactory(edition=edition, status=SessionStatus.DRAFT) for _ in range(3)]
    SessionFactory(edition=edition, status=SessionStatus.DRAFT, title="Not chosen")

    response = organiser_client.post(
        reverse("admin:agenda_session_changelist") + f"?edition__id__exact={edition.pk}",
        {"action": "publish", "_selected_action": [s.pk for s in sessions], "index": "0"},
    )

    assert response.status_code == 302
    for session in sessions:
        latest = session.revisions.latest()
        assert (latest.history_type, latest.status, latest.history_user) == ("~", SessionStatus.PUBLISHED, organiser)
    assert Session.revisions.filter(title="Not chosen").count() == 1


def test_a_bulk_status_change_without_a_request_is_recorded_without_a_user():
    session = SessionFactory(status=SessionStatus.PUBLISHED)

    assert services.sessions_set_status(sessions=[session], status=SessionStatus.CANCELLED) == 1

    latest = session.revisions.latest()
    assert (latest.status, latest.history_user) == (SessionStatus.CANCELLED, None)
    assert session.revisions.count() == 2


def test_checking_in_at_the_door_records_the_staff_member(client, django_user_model, edition):
    door = staff(django_user_model, "door", "Check-in staff")
    client.force_login(door)
    registration = RegistrationFactory(edition=edition, status=RegistrationStatus.APPROVED)

    client.post(reverse("attendees:checkin"), {"q": registration.badge_code, "edition": edition.pk})

    latest = registration.revisions.latest()
    assert (latest.status, latest.history_user) == (RegistrationStatus.CHECKED_IN, door)
    assert latest.checked_in_at == Registration.objects.get(pk=registration.pk).checked_in_at


def test_the_registration_history_keeps_no_secret_and_no_needs(edition):
    open_registration(edition)
    registration = registration_services.registration_create(
        edition=edition,
        data=delegate_data(1, phone="+86 571 8888 0000", dietary_needs="Halal", accessibility_needs="Wheelchair"),
    )
    registration_services.registration_approve(registration=registration)

    versions = list(registration.revisions.order_by("history_date", "history_id"))
    kept = {field.name for field in registration.revisions.model._meta.get_fields()}

    assert [(v.history_type, v.status) for v in versions] == [("+", "submitted"), ("~", "approved")]
    assert versions[0].email == "delegate1@example.org"
    assert kept.isdisjoint(LEFT_OUT)
    stored = " ".join(str(value) for row in registration.revisions.values() for value in row.values())
    for secret in (registration.token_key, registration.badge_code, "8888", "Halal", "Wheelchair"):
        assert secret not in stored


def test_a_new_self_service_link_is_recorded_as_an_event_without_the_key(edition):
    registration = RegistrationFactory(edition=edition)

    registration_services.registration_send_link(edition=edition, email=registration.email)
    outbox.drain()  # the new key is made, and recorded, as the link is sent

    latest = registration.revisions.latest()
    assert latest.history_change_reason == "New self-service link sent"
    assert registration.revisions.count() == 2


def test_deleting_a_registration_deletes_its_history(edition):
    registration = RegistrationFactory(edition=edition, status=RegistrationStatus.CANCELLED)
    registration.name = "Amina Diallo"
    registration.save()
    pk = registration.pk

    registration.delete()

    assert not Registration.revisions.filter(id=pk).exists()


def test_exhibits_award_programmes_and_honourees_keep_their_versions():
    exhibit = ExhibitFactory(title="Robot guide")
    programme = AwardProgrammeFactory(name="Distinguished Contribution Award")
    honouree = HonoureeFactory(programme=programme, citation="For the web")
    for obj, field, value in ((exhibit, "booth", "A-12"), (programme, "slug", "wic-award"), (honouree, "position", 3)):
        setattr(obj, field, value)
        obj.save()

    for obj, field, value in ((exhibit, "booth", "A-12"), (programme, "slug", "wic-award"), (honouree, "position", 3)):
        versions = list(obj.revisions.order_by("history_date", "history_id"))
        assert [v.history_type for v in versions] == ["+", "~"]
        assert getattr(versions[-1], field) == value


def test_generating_a_summit_in_bulk_writes_no_history(edition):
    call_command("generate_summit", slug="bulk", sessions=30, rooms=3, speakers=20, days=2, start="2031-11-19")

    assert Session.objects.filter(edition__slug="bulk").count() == 30
    assert not Session.revisions.filter(edition__slug="bulk").exists()


# -- read on the History page ----------------------------------------------------------------------


@ON_HISTORY_SITE
def test_programme_editors_read_who_changed_a_session_and_what(editor_client, organiser, edition):
    session = SessionFactory(edition=edition, title="Forum on AI", status=SessionStatus.DRAFT)
    session.title, session._history_user = "Forum on AI governance", organiser
    session.save()
    services.sessions_set_status(sessions=[session], status=SessionStatus.PUBLISHED)

    response = editor_client.get(history_url(session))

    text = response.content.decode()
    assert response.status_code == 200
    assert "Times are Wuzhen time, UTC+8." in text
    assert "<strong>Status:</strong> Draft → Published" in text
    assert "<strong>Title [en]:</strong> Forum on AI → Forum on AI governance" in text
    assert "organiser" in text
    assert "nobody signed in (public site or command)" in text
    changed = session.revisions.filter(history_user=organiser).get()
    assert date_format(timezone.localtime(changed.history_date, SHANGHAI), "D j M Y H:i") in text
    assert "Revert" not in text


@ON_HISTORY_SITE
def test_times_in_the_changes_are_shown_in_the_edition_zone(editor_client, edition):
    session = SessionFactory(edition=edition)
    session.start = dt.datetime(2031, 11, 19, 10, 30, tzinfo=SHANGHAI)
    session.save()

    text = editor_client.get(history_url(session)).content.decode()

    assert "<strong>Start:</strong> Wed 19 Nov 2031 09:00 → Wed 19 Nov 2031 10:30" in text


@ON_HISTORY_SITE
def test_the_registration_desk_reads_a_registration_history(client, django_user_model, edition):
    client.force_login(staff(django_user_model, "desk", "Registration desk"))
    registration = RegistrationFactory(edition=edition, phone="+86 571 8888 0000")
    registration = registration_services.registration_approve(registration=registration)
    registration.phone = "+86 571 8888 0001"
    registration.save()

    response = client.get(history_url(registration))

    text = response.content.decode()
    assert response.status_code == 200
    assert "<strong>Status:</strong> Submitted, awaiting approval → Approved" in text
    assert "No change to what the history keeps." in text
    assert "8888" not in text


@ON_HISTORY_SITE
@pytest.mark.parametrize("group", ["Check-in staff", "Programme editors"])
def test_staff_who_may_not_view_registrations_cannot_read_their_history(client, django_user_model, edition, group):
    client.force_login(staff(django_user_model, "someone", group))
    registration = RegistrationFactory(edition=edition)

    assert client.get(history_url(registration)).status_code == 403
    assert client.get(history_url(registration).replace(str(registration.pk), "999999")).status_code == 403


@ON_HISTORY_SITE
def test_check_in_staff_cannot_read_the_programme_history(client, django_user_model, edition):
    client.force_login(staff(django_user_model, "door", "Check-in staff"))

    assert client.get(history_url(SessionFactory(edition=edition))).status_code == 403


@ON_HISTORY_SITE
def test_no_old_version_can_be_opened_or_put_back(organiser_client, edition):
    session = SessionFactory(edition=edition, title="Forum on AI")
    first = session.revisions.get()
    session.title = "Forum on AI governance"
    session.save()

    organiser_client.post(f"{history_url(session)}{first.history_id}/", {"title": "Forum on AI"})

    session.refresh_from_db()
    assert session.title == "Forum on AI governance"
    with pytest.raises(NoReverseMatch):
        reverse("admin:agenda_session_simple_history", args=[session.pk, first.history_id], current_app="history_admin")


@ON_HISTORY_SITE
def test_a_deleted_exhibit_still_shows_who_deleted_it(organiser_client, organiser, edition):
    exhibit = ExhibitFactory(expo__edition=edition, title="Robot guide")
    pk, url = exhibit.pk, history_url(exhibit)
    exhibit._history_user = organiser
    exhibit.delete()

    text = organiser_client.get(url).content.decode()

    assert Exhibit.revisions.filter(id=pk, history_type="-").get().history_user == organiser
    assert "Deleted" in text


@ON_HISTORY_SITE
def test_award_programme_and_honouree_history_pages(editor_client, edition):
    honouree = HonoureeFactory(programme__edition=edition, citation="For the web")
    honouree.citation = "For the open web"
    honouree.save()
    programme = honouree.programme
    programme.name = "Distinguished Contribution Award"
    programme.save()

    programme_page = editor_client.get(history_url(programme))
    honouree_page = editor_client.get(history_url(honouree)).content.decode()

    assert programme_page.status_code == 200
    assert "→ Distinguished Contribution Award" in programme_page.content.decode()
    assert "<strong>Citation [en]:</strong> For the web → For the open web" in honouree_page


# -- the real admin --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "make",
    [
        lambda edition: SessionFactory(edition=edition),
        lambda edition: ExhibitFactory(expo__edition=edition),
        lambda edition: AwardProgrammeFactory(edition=edition),
        lambda edition: HonoureeFactory(programme__edition=edition),
        lambda edition: RegistrationFactory(edition=edition),
    ],
    ids=["session", "exhibit", "award-programme", "honouree", "registration"],
)
def test_the_admin_history_page_lists_the_recorded_changes(organiser_client, edition, make):
    obj = make(edition)
    obj.save()

    response = organiser_client.get(history_url(obj, site="admin"))

    assert response.status_code == 200
    assert "Changes (before → after)" in response.content.decode()


def test_speakers_and_run_of_show_changed_on_the_form_are_in_the_sessions_history(organiser_client, edition):
    speaker = PersonFactory(edition=edition, name="Amara Okafor")
    session = SessionFactory(
        edition=edition,
        title="Forum",
        slug="forum",
        start=dt.datetime(2031, 11, 20, 14, 0, tzinfo=SHANGHAI),
        end=dt.datetime(2031, 11, 20, 17, 0, tzinfo=SHANGHAI),
    )
    change = reverse("admin:agenda_session_change", args=[session.pk])
    data = session_form(
        edition,
        **{
            "start_0": "2031-11-20",
            "end_0": "2031-11-20",
            "room": session.room_id,
            "speaker_links-TOTAL_FORMS": "1",
            "speaker_links-0-person": speaker.pk,
            "speaker_links-0-role": "keynote",
            "speaker_links-0-position": "0",
            "items-TOTAL_FORMS": "1",
            "items-0-start": "14:00",
            "items-0-duration_minutes": "30",
            "items-0-position": "0",
            "items-0-title": "Opening remarks",
        },
    )

    response = organiser_client.post(change, data)
    assert response.status_code == 302, [f.errors for f in response.context["inline_admin_formsets"]]

    text = organiser_client.get(reverse("admin:agenda_session_history", args=[session.pk])).content.decode()
    assert "<td>Added speaker “Amara Okafor (Keynote)”. Added run-of-show item “Opening remarks”.</td>" in text
    assert "No change to what the history keeps." not in text
