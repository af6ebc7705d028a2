"""The programme's services: what organisers' bulk actions and copies do, whichever door calls them."""

import pytest

from agenda import services
from agenda.enums import SessionStatus
from agenda.models import Edition, Session
from tests.factories import (
    EditionFactory,
    SessionFactory,
    SessionItemFactory,
    SessionOrganiserFactory,
    SessionSpeakerFactory,
)

pytestmark = pytest.mark.django_db


def version(edition):
    return Edition.objects.values_list("programme_version", flat=True).get(pk=edition.pk)


def test_setting_a_status_changes_only_the_sessions_that_differ_and_counts_them():
    edition = EditionFactory()
    drafts = SessionFactory.create_batch(2, edition=edition, status=SessionStatus.DRAFT)
    published = SessionFactory(edition=edition, status=SessionStatus.PUBLISHED)

    count = services.sessions_set_status(sessions=[*drafts, published], status=SessionStatus.PUBLISHED)

    assert count == 2
    assert set(Session.objects.values_list("status", flat=True)) == {SessionStatus.PUBLISHED}
    assert published.revisions.count() == 1  # untouched: no new version in its history


def test_setting_a_status_renews_the_editions_cached_programme_and_no_other():
    edition, other = EditionFactory(), EditionFactory()
    session = SessionFactory(edition=edition, status=SessionStatus.DRAFT)
    before, other_before = version(edition), version(other)

    services.sessions_set_status(sessions=[session], status=SessionStatus.PUBLISHED)

    assert (version(edition) > before, version(other)) == (True, other_before)


def test_an_unknown_status_is_refused_and_changes_nothing():
    session = SessionFactory(status=SessionStatus.DRAFT)

    with pytest.raises(ValueError):
        services.sessions_set_status(sessions=[session], status="postponed")

    session.refresh_from_db()
    assert session.status == SessionStatus.DRAFT


def test_a_duplicate_is_a_draft_with_a_free_slug_and_the_same_people_and_run_of_show():
    session = SessionFactory(slug="ai-forum", status=SessionStatus.PUBLISHED)
    SessionFactory(edition=session.edition, slug="ai-forum-copy")
    speaker = SessionSpeakerFactory(session=session, role="keynote")
    SessionOrganiserFactory(session=session, role="host")
    item = SessionItemFactory(session=session, title="Opening remarks")
    item.speakers.add(speaker.person)

    copy = services.session_duplicate(session=session)

    assert (copy.slug, copy.status, copy.title) == ("ai-forum-copy-2", SessionStatus.DRAFT, session.title)
    assert copy.guid != session.guid
    assert [(link.person, link.role) for link in copy.speaker_links.all()] == [(speaker.person, "keynote")]
    assert [link.role for link in copy.organiser_links.all()] == ["host"]
    assert [(i.title, list(i.speakers.all())) for i in copy.items.all()] == [("Opening remarks", [speaker.person])]
    assert session.speaker_links.count() == 1  # the original keeps its own
