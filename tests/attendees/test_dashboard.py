"""The dashboard on the admin home: the working edition's figures, for what each member of staff may see."""

import datetime as dt
import zoneinfo

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from agenda.admin.scope import SESSION_KEY
from agenda.enums import SessionKind, SessionStatus
from agenda.models import Session
from attendees import services
from attendees.dashboard import CHANGES_SHOWN, FILL_RATES_SHOWN, edition_dashboard
from attendees.enums import RegistrationStatus
from attendees.models import Registration
from tests.factories import EditionFactory, PersonFactory, RoomFactory, SessionFactory, SessionSpeakerFactory
from tests.factories.attendees import RegistrationFactory, delegate_data, open_registration

pytestmark = pytest.mark.django_db

HOME = reverse("admin:index")
REGISTRATIONS = reverse("admin:attendees_registration_changelist")
SESSIONS = reverse("admin:agenda_session_changelist")
SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")


@pytest.fixture
def edition():
    return open_registration(EditionFactory(year=2031, name="2031 Wuzhen Summit", is_current=True))


def sub_forum(edition, title, capacity, **extra):
    return SessionFactory(
        edition=edition,
        title=title,
        kind=SessionKind.SUB_FORUM,
        registration_required=True,
        capacity=capacity,
        **extra,
    )


def register(edition, n, sessions=()):
    return services.registration_create(
        edition=edition, data=delegate_data(n), session_ids=[session.pk for session in sessions]
    )


def staff_in(django_user_model, group, username):
    user = django_user_model.objects.create_user(username, f"{username}@example.org", "pw", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


def log_change(user, obj, message="Changed capacity.", at=None):
    entry = LogEntry.objects.create(
        user=user,
        content_type=ContentType.objects.get_for_model(obj),
        object_id=str(obj.pk),
        object_repr=str(obj)[:200],
        action_flag=CHANGE,
        change_message=message,
    )
    if at is not None:
        LogEntry.objects.filter(pk=entry.pk).update(action_time=at)
    return entry


def dashboard_of(response):
    return response.context["dashboard"]


# -- what the organiser sees ------------------------------------------------------------------------


def test_home_shows_the_working_editions_figures_with_links(organiser_client, edition):
    forum = sub_forum(edition, "AI governance", capacity=2)
    for n in range(3):
        register(edition, n, [forum])
    services.registration_approve(registration=Registration.objects.get(email="delegate0@example.org"))

    response = organiser_client.get(HOME)

    assert response.status_code == 200
    dashboard = dashboard_of(response)
    assert dashboard.edition == edition
    assert dashboard.registrations.awaiting == 2
    assert [(row.rate.session, row.rate.seats, row.rate.capacity, row.rate.waiting) for row in dashboard.fill.rows] == [
        (forum, 2, 2, 1)
    ]
    assert (dashboard.fill.full, dashboard.fill.waiting) == (1, 1)
    html = response.content.decode()
    assert "2031 Wuzhen Summit" in html
    assert f'href="{REGISTRATIONS}?edition__id__exact={edition.pk}&amp;status__exact=submitted"' in html
    assert f'href="{REGISTRATIONS}?edition__id__exact={edition.pk}&amp;session={forum.pk}&amp;place=waitlist"' in html
    assert f'href="{reverse("admin:attendees_registration_fill_rates")}?edition={edition.pk}"' in html


def test_home_keeps_the_list_of_applications(organiser_client, edition):
    response = organiser_client.get(HOME)

    html = response.content.decode()
    assert 'class="app-agenda module' in html
    assert 'class="app-attendees module' in html
    assert f'href="{SESSIONS}"' in html


def test_fill_rates_list_the_fullest_first_and_link_to_the_rest(organiser_client, edition):
    quiet = sub_forum(edition, "Quiet", capacity=10)
    waiting = sub_forum(edition, "Waiting list", capacity=1)
    nearly = sub_forum(edition, "Nearly full", capacity=10)
    unlimited = sub_forum(edition, "No limit", capacity=None)
    full = sub_forum(edition, "Full", capacity=1)
    n = 0
    for session, count in ((quiet, 1), (waiting, 3), (nearly, 9), (unlimited, 4), (full, 1)):
        for _ in range(count):
            register(edition, n, [session])
            n += 1
    for index in range(FILL_RATES_SHOWN):
        sub_forum(edition, f"Later {index}", capacity=50, start=quiet.start + dt.timedelta(hours=1 + index))

    dashboard = dashboard_of(organiser_client.get(HOME))

    titles = [row.rate.session.title for row in dashboard.fill.rows]
    assert titles[:4] == ["Waiting list", "Full", "Nearly full", "Quiet"]
    assert [row.level for row in dashboard.fill.rows[:4]] == ["full", "full", "nearly-full", ""]
    assert len(titles) == FILL_RATES_SHOWN
    assert dashboard.fill.sessions == 5 + FILL_RATES_SHOWN
    assert dashboard.fill.more == 5
    assert unlimited.title not in titles


def test_clashes_are_counted_and_link_to_the_session_list_filter(organiser_client, edition):
    room = RoomFactory(venue__edition=edition)
    start = dt.datetime(2031, 11, 20, 9, 0, tzinfo=SHANGHAI)
    SessionFactory(edition=edition, room=room, start=start, end=start + dt.timedelta(hours=2))
    SessionFactory(edition=edition, room=room, start=start + dt.timedelta(hours=1), end=start + dt.timedelta(hours=3))
    person = PersonFactory(edition=edition)
    for hour in (14, 15):
        session = SessionFactory(
            edition=edition, start=start.replace(hour=hour), end=start.replace(hour=hour) + dt.timedelta(hours=2)
        )
        SessionSpeakerFactory(session=session, person=person)
    cancelled = SessionFactory(edition=edition, room=room, start=start, end=start + dt.timedelta(hours=1))
    Session.objects.filter(pk=cancelled.pk).update(status=SessionStatus.CANCELLED)  # cancelled sessions never clash
    other = EditionFactory(year=2032)
    other_room = RoomFactory(venue__edition=other)
    for _ in range(2):
        SessionFactory(edition=other, room=other_room)

    response = organiser_client.get(HOME)

    clashes = dashboard_of(response).clashes
    assert (clashes.room, clashes.speaker, clashes.any) == (2, 2, 4)
    html = response.content.decode()
    assert f'href="{SESSIONS}?edition__id__exact={edition.pk}&amp;clash=any"' in html
    assert f'href="{SESSIONS}?edition__id__exact={edition.pk}&amp;clash=room"' in html


def test_check_ins_today_are_counted_in_the_editions_time_zone(organiser):
    edition = EditionFactory(year=2031, time_zone="Asia/Shanghai")
    now = dt.datetime(2031, 11, 20, 10, 0, tzinfo=SHANGHAI)
    moments = {
        "late yesterday": dt.datetime(2031, 11, 19, 23, 30, tzinfo=SHANGHAI),
        "early today": dt.datetime(2031, 11, 20, 0, 30, tzinfo=SHANGHAI),  # 19 Nov 16:30 in UTC
        "this morning": dt.datetime(2031, 11, 20, 9, 45, tzinfo=SHANGHAI),
    }
    for name, moment in moments.items():
        RegistrationFactory(edition=edition, name=name, status=RegistrationStatus.CHECKED_IN, checked_in_at=moment)
    RegistrationFactory(edition=EditionFactory(year=2032), status=RegistrationStatus.CHECKED_IN, checked_in_at=now)

    check_ins = edition_dashboard(edition=edition, user=organiser, now=now).check_ins

    assert check_ins.day == dt.date(2031, 11, 20)
    assert check_ins.today == 2
    assert [registration.name for registration in check_ins.latest] == ["this morning", "early today"]


def test_check_ins_today_on_the_page(organiser_client, edition):
    forum = sub_forum(edition, "AI governance", capacity=5)
    arrived = register(edition, 1, [forum])
    services.registration_approve(registration=arrived)
    services.registration_check_in(registration=arrived)

    response = organiser_client.get(HOME)

    assert dashboard_of(response).check_ins.today == 1
    assert f'href="{reverse("admin:attendees_registration_change", args=[arrived.pk])}">Delegate 1</a>' in (
        response.content.decode()
    )


def test_recent_changes_are_this_editions_with_who_and_when_in_its_zone(organiser_client, organiser, edition):
    berlin = EditionFactory(year=2040, name="Berlin 2040", time_zone="Europe/Berlin")
    session = SessionFactory(edition=berlin, title="Data governance")
    elsewhere = SessionFactory(edition=edition, title="Another edition's session")
    log_change(organiser, session, at=dt.datetime(2040, 6, 1, 8, 5, tzinfo=dt.UTC))
    log_change(organiser, elsewhere)
    log_change(organiser, berlin, message="Changed theme.", at=dt.datetime(2040, 6, 1, 7, 0, tzinfo=dt.UTC))

    response = organiser_client.get(HOME, {"edition": berlin.pk})

    changes = dashboard_of(response).changes
    assert [(change.label, change.who) for change in changes] == [
        ("Data governance", "organiser"),
        ("Berlin 2040", "organiser"),
    ]
    assert changes[0].url == reverse("admin:agenda_session_change", args=[session.pk])
    html = response.content.decode()
    assert "Fri 1 Jun 10:05" in html  # 08:05 UTC is 10:05 in Berlin in summer
    assert "Changed capacity." in html


def test_recent_changes_include_registration_status_changes(organiser_client, organiser, edition):
    forum = sub_forum(edition, "AI governance", capacity=5)
    registration = register(edition, 1, [forum])
    services.registration_approve(registration=registration, by=organiser, message="Welcome")

    changes = dashboard_of(organiser_client.get(HOME)).changes

    assert [(change.label, str(change.action), change.who) for change in changes] == [
        ("Delegate 1", "Approved", "organiser"),
        ("Delegate 1", "Submitted, awaiting approval", ""),
    ]
    assert changes[0].url == reverse("admin:attendees_registration_change", args=[registration.pk])


def test_recent_changes_include_sessions_published_or_cancelled_in_bulk(organiser_client, organiser, edition):
    drafts = [SessionFactory(edition=edition, status=SessionStatus.DRAFT, title=f"Forum {n}") for n in (1, 2)]
    SessionFactory(edition=EditionFactory(year=2040), status=SessionStatus.DRAFT, title="Elsewhere")
    organiser_client.post(
        SESSIONS + f"?edition__id__exact={edition.pk}",
        {"action": "publish", "_selected_action": [s.pk for s in drafts], "index": "0"},
    )

    changes = dashboard_of(organiser_client.get(HOME)).changes

    assert sorted((change.label, str(change.action), change.who) for change in changes) == [
        ("Forum 1", "Published", "organiser"),
        ("Forum 2", "Published", "organiser"),
    ]
    assert changes[0].url == reverse("admin:agenda_session_change", args=[drafts[1].pk])
    assert "Set for several sessions at once." in organiser_client.get(HOME).content.decode()


def test_a_save_that_changed_nothing_is_not_a_recent_change(organiser_client, organiser, edition):
    session = SessionFactory(edition=edition, title="AI governance")
    log_change(organiser, session, message="[]")  # the admin logs "No fields changed." so
    log_change(organiser, session, message='[{"changed": {"fields": ["Capacity"]}}]')

    changes = dashboard_of(organiser_client.get(HOME)).changes

    assert [(change.label, change.detail) for change in changes] == [("AI governance", "Changed Capacity.")]


def test_recent_changes_are_limited(organiser_client, organiser, edition):
    session = SessionFactory(edition=edition)
    for _ in range(CHANGES_SHOWN + 3):
        log_change(organiser, session)

    assert len(dashboard_of(organiser_client.get(HOME)).changes) == CHANGES_SHOWN


# -- choosing the edition -----------------------------------------------------------------------------


def test_the_switch_changes_and_remembers_the_working_edition(organiser_client, edition):
    other = EditionFactory(year=2019, name="2019 Wuzhen Summit")

    response = organiser_client.get(HOME, {"edition": other.pk})

    assert dashboard_of(response).edition == other
    assert organiser_client.session[SESSION_KEY] == other.pk
    assert dashboard_of(organiser_client.get(HOME)).edition == other
    html = response.content.decode()
    assert f'<option value="{edition.pk}">2031 Wuzhen Summit</option>' in html
    assert f'<option value="{other.pk}" selected>2019 Wuzhen Summit</option>' in html


@pytest.mark.parametrize("value", ["nope", "99999999", "²", "-1", "1" * 40])
def test_an_unknown_edition_is_reported_and_changes_nothing(organiser_client, edition, value):
    response = organiser_client.get(HOME, {"edition": value})

    assert response.status_code == 200
    assert dashboard_of(response).edition == edition
    assert "There is no such edition" in response.content.decode()
    assert SESSION_KEY not in organiser_client.session


def test_without_any_edition_the_home_still_works(organiser_client):
    response = organiser_client.get(HOME)

    assert response.status_code == 200
    assert "No edition yet" in response.content.decode()
    assert reverse("admin:agenda_edition_add") in response.content.decode()


# -- who sees what ----------------------------------------------------------------------------------


def shortcut_urls(response):
    return [link["url"] for link in response.context["shortcuts"]]


def test_organiser_sees_every_block_and_shortcut(organiser_client, edition):
    response = organiser_client.get(HOME)

    dashboard = dashboard_of(response)
    assert None not in (dashboard.registrations, dashboard.fill, dashboard.check_ins, dashboard.clashes)
    assert dashboard.changes == []
    assert shortcut_urls(response) == [
        f"{reverse('attendees:checkin')}?edition={edition.pk}",
        reverse("agenda:edition_home", args=[edition.slug]),
        f"{reverse('admin:attendees_registration_fill_rates')}?edition={edition.pk}",
        f"{reverse('admin:attendees_registration_export')}?edition__id__exact={edition.pk}",
        reverse("admin:agenda_session_import"),
        reverse("admin:agenda_person_import"),
        reverse("admin:agenda_organisation_import"),
        reverse("admin:agenda_exhibit_import"),
    ]


def test_programme_editor_sees_clashes_and_imports_but_no_delegates(client, programme_editor, organiser, edition):
    forum = sub_forum(edition, "AI governance", capacity=5)
    registration = register(edition, 1, [forum])
    log_change(organiser, registration)
    log_change(organiser, forum)
    client.force_login(programme_editor)

    response = client.get(HOME)

    dashboard = dashboard_of(response)
    assert (dashboard.registrations, dashboard.fill, dashboard.check_ins) == (None, None, None)
    assert dashboard.clashes is not None
    assert [change.label for change in dashboard.changes] == ["AI governance"]
    assert shortcut_urls(response) == [
        reverse("agenda:edition_home", args=[edition.slug]),
        reverse("admin:agenda_session_import"),
        reverse("admin:agenda_person_import"),
        reverse("admin:agenda_organisation_import"),
        reverse("admin:agenda_exhibit_import"),
    ]
    html = response.content.decode()
    assert "Delegate 1" not in html
    assert "Awaiting approval" not in html


def test_check_in_staff_see_the_desk_and_todays_count_without_names(client, django_user_model, edition):
    door = staff_in(django_user_model, "Check-in staff", "door")
    arrived = register(edition, 1)
    services.registration_approve(registration=arrived)
    services.registration_check_in(registration=arrived)
    edition.is_published = False
    edition.save()
    client.force_login(door)

    response = client.get(HOME)

    dashboard = dashboard_of(response)
    assert (dashboard.registrations, dashboard.fill, dashboard.clashes, dashboard.changes) == (None, None, None, None)
    assert (dashboard.check_ins.today, dashboard.check_ins.latest) == (1, [])
    # Unpublished: the public home would answer 404 to check-in staff, so it is not offered.
    assert shortcut_urls(response) == [f"{reverse('attendees:checkin')}?edition={edition.pk}"]
    html = response.content.decode()
    assert "Delegate 1" not in html
    assert "Recent changes" not in html


def test_registration_desk_sees_delegates_but_no_imports_or_clashes(client, django_user_model, edition):
    desk = staff_in(django_user_model, "Registration desk", "desk")
    client.force_login(desk)

    response = client.get(HOME)

    dashboard = dashboard_of(response)
    assert dashboard.registrations is not None
    assert dashboard.clashes is None
    urls = shortcut_urls(response)
    assert f"{reverse('admin:attendees_registration_export')}?edition__id__exact={edition.pk}" in urls
    assert not [url for url in urls if url.endswith("/import/")]


def test_unpublished_edition_is_offered_as_a_preview_to_editors(client, programme_editor):
    edition = EditionFactory(is_published=False, is_current=True)
    client.force_login(programme_editor)

    response = client.get(HOME)

    assert response.context["shortcuts"][0] == {
        "label": "Public site (preview: not published)",
        "url": reverse("agenda:edition_home", args=[edition.slug]),
    }


# -- cost ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [2, 12])
def test_home_queries_do_not_grow_with_the_edition(
    organiser_client, organiser, edition, django_assert_num_queries, size
):
    room = RoomFactory(venue__edition=edition)
    start = dt.datetime(2031, 11, 20, 9, 0, tzinfo=SHANGHAI)
    for index in range(size):
        forum = sub_forum(
            edition, f"Forum {index}", capacity=1, room=room, start=start, end=start + dt.timedelta(hours=1)
        )
        for n in range(2):
            registration = register(edition, index * 10 + n, [forum])
            services.registration_approve(registration=registration, by=organiser)
            services.registration_check_in(registration=registration, by=organiser)
        log_change(organiser, forum)
        log_change(organiser, registration)
    organiser_client.get(HOME)  # warm the cached admin time zone

    with django_assert_num_queries(16):
        response = organiser_client.get(HOME)

    dashboard = dashboard_of(response)
    assert dashboard.clashes.room == size
    assert dashboard.check_ins.today == 2 * size
    assert dashboard.fill.waiting == size
    assert timezone.is_aware(dashboard.now)
