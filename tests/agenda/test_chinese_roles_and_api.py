"""A person who hosts a session is its 主持人, an organisation that hosts it its 主办单位; the API's index keeps
the language it was asked in."""

import pytest

from agenda.enums import OrganiserRole, SpeakerRole
from tests.factories import EditionFactory, SessionFactory, SessionOrganiserFactory, SessionSpeakerFactory

pytestmark = pytest.mark.django_db


def test_a_host_person_and_a_host_organisation_read_differently_in_chinese(client):
    session = SessionFactory(edition=EditionFactory(is_published=True, is_current=True))
    SessionSpeakerFactory(session=session, role=SpeakerRole.HOST, person__name="Ren Xianliang")
    SessionOrganiserFactory(session=session, role=OrganiserRole.HOST, organisation__name="CAC")
    address = f"/{session.edition.slug}/sessions/{session.slug}/"

    chinese = client.get(f"/zh-hans{address}").content.decode()
    english = client.get(address).content.decode()

    assert "主持人" in chinese
    assert "主办单位" in chinese
    assert english.count("Host") >= 2


def test_the_api_index_links_keep_the_language_it_was_asked_in(client):
    edition = EditionFactory(is_published=True, is_current=True)

    chinese = client.get("/api/?lang=zh-hans").json()
    english = client.get("/api/").json()

    assert chinese["editions"].endswith("/api/editions/?lang=zh-hans")
    assert chinese["current_edition"].endswith(f"/api/editions/{edition.slug}/?lang=zh-hans")
    assert chinese["schema"].endswith("?lang=zh-hans")
    assert english["editions"].endswith("/api/editions/")
    assert "lang=" not in english["current_edition"]
