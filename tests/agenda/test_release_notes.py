"""A release's note, in English and in Chinese: where each reader finds it, and what the note may hold."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from agenda import services
from agenda.models import Release
from tests.agenda.release_programme import Programme
from tests.factories import SessionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme(edition):
    return Programme(edition)


def note_block(page, number):
    """The note of release `number` on the changes page, as the HTML shows it."""
    section = page.split(f'id="release-{number}"', 1)[1].split("</section>", 1)[0]
    if "release-note" not in section:
        return None
    return section.split("release-note", 1)[1].split("</div>", 1)[0]


def test_each_reader_sees_the_note_in_the_page_language_else_the_english_one(client, programme):
    services.publish_release(edition=programme.edition, note_en="The programme is out.", note_zh_hans="日程已发布。")
    programme.edit()
    services.publish_release(edition=programme.edition, note_en="Forums moved to Room B.")

    english = client.get("/2024/changes/").text
    chinese = client.get("/zh-hans/2024/changes/").text

    assert note_block(english, 1) == '"><p>The programme is out.</p>'
    assert note_block(english, 2) == '"><p>Forums moved to Room B.</p>'
    assert "日程已发布" not in english
    assert note_block(chinese, 1) == '"><p>日程已发布。</p>'
    # No Chinese note: the English one, marked as English for screen readers and fonts.
    assert note_block(chinese, 2) == '" lang="en"><p>Forums moved to Room B.</p>'


def test_a_release_without_a_note_shows_none(client, programme):
    services.publish_release(edition=programme.edition)
    assert note_block(client.get("/zh-hans/2024/changes/").text, 1) is None


def test_html_in_a_note_is_shown_as_typed_never_run(client, programme):
    services.publish_release(
        edition=programme.edition,
        note_en='<script>alert("x")</script> Rooms A & B\nsee <b>below</b>',
        note_zh_hans="<img src=x onerror=alert(1)> 会场 A 与 B",
    )

    english = client.get("/2024/changes/").text
    chinese = client.get("/zh-hans/2024/changes/").text

    assert note_block(english, 1) == (
        '"><p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Rooms A &amp; B<br>see &lt;b&gt;below&lt;/b&gt;</p>'
    )
    assert "<script>alert" not in english
    assert note_block(chinese, 1) == '"><p>&lt;img src=x onerror=alert(1)&gt; 会场 A 与 B</p>'


def test_a_note_longer_than_a_note_may_be_is_refused_by_the_service(programme):
    with pytest.raises(ValidationError) as refused:
        services.publish_release(edition=programme.edition, note_zh_hans="长" * 2001)

    assert refused.value.message_dict == {
        "note_zh_hans": ["Ensure this value has at most 2000 characters (it has 2001)."]
    }
    assert not Release.objects.exists()


def test_a_note_of_the_largest_size_is_published_and_shown_whole(client, programme):
    note = "第" + "长" * 1999
    services.publish_release(edition=programme.edition, note_zh_hans=note)

    assert note in client.get("/zh-hans/2024/changes/").text


@pytest.mark.django_db(transaction=True)
def test_the_notes_written_before_both_languages_become_the_english_notes(edition):
    SessionFactory(edition=edition)
    executor = MigrationExecutor(connection)
    before = [("agenda", "0016_programme_release")]
    after = [("agenda", "0017_release_note_in_two_languages")]
    executor.migrate(before)
    try:
        OldRelease = executor.loader.project_state(before).apps.get_model("agenda", "Release")
        OldRelease.objects.create(
            edition_id=edition.pk, number=1, published_at=edition.programme_changed_at, note="Programme published"
        )
        OldRelease.objects.create(edition_id=edition.pk, number=2, published_at=edition.programme_changed_at)

        executor = MigrationExecutor(connection)
        executor.migrate(after)

        NewRelease = executor.loader.project_state(after).apps.get_model("agenda", "Release")
        notes = NewRelease.objects.order_by("number").values_list("note_en", "note_zh_hans")
        assert list(notes) == [("Programme published", None), ("", None)]
    finally:
        MigrationExecutor(connection).migrate(executor.loader.graph.leaf_nodes())
