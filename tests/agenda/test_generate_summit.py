import io

import pytest
from django.core.management import CommandError, call_command
from PIL import Image

from agenda.models import Edition, Exhibit, ExhibitPicture, Expo, Person, Room, Session, SessionItem
from agenda.selectors import clashing_sessions

pytestmark = pytest.mark.django_db


def test_generate_summit_creates_an_edition_of_the_requested_size():
    call_command("generate_summit", slug="bench", days=4, rooms=30, sessions=600, speakers=1200)

    edition = Edition.objects.get(slug="bench")
    sessions = Session.objects.filter(edition=edition)
    assert sessions.count() == 600
    assert Room.objects.filter(venue__edition=edition).count() == 30
    assert Person.objects.filter(edition=edition).count() == 1200
    assert {s.start.astimezone(edition.zone).date() for s in sessions} == set(edition.days)
    assert SessionItem.objects.filter(session__edition=edition).count() == 1800
    assert clashing_sessions(sessions).room == frozenset()
    assert clashing_sessions(sessions).speaker == frozenset()
    for session in sessions.select_related("edition"):
        session.full_clean()


def test_generate_summit_refuses_to_overwrite_without_replace():
    call_command("generate_summit", slug="bench", sessions=10, rooms=2, speakers=10, days=1)

    with pytest.raises(CommandError, match="add --replace"):
        call_command("generate_summit", slug="bench", sessions=10, rooms=2, speakers=10, days=1)
    call_command("generate_summit", slug="bench", sessions=20, rooms=2, speakers=10, days=1, replace=True)

    assert Session.objects.filter(edition__slug="bench").count() == 20
    assert Edition.objects.filter(slug="bench").count() == 1


def test_generate_summit_fits_many_sessions_into_few_rooms_without_clashes():
    call_command("generate_summit", slug="dense", sessions=100, rooms=2, speakers=300, days=2)

    sessions = Session.objects.filter(edition__slug="dense")
    assert sessions.count() == 100
    assert clashing_sessions(sessions).room == frozenset()
    for session in sessions.select_related("edition"):
        session.full_clean()


def test_generate_summit_is_published_unless_asked_otherwise():
    call_command("generate_summit", slug="open", sessions=4, rooms=2, speakers=4, days=1, stdout=io.StringIO())
    call_command(
        "generate_summit",
        slug="hidden",
        sessions=4,
        rooms=2,
        speakers=4,
        days=1,
        unpublished=True,
        stdout=io.StringIO(),
    )

    assert Edition.objects.get(slug="open").is_published is True
    assert Edition.objects.get(slug="hidden").is_published is False


def test_generate_summit_has_no_expo_unless_asked():
    call_command("generate_summit", slug="bench", sessions=4, rooms=2, speakers=4, days=1, stdout=io.StringIO())

    assert not Expo.objects.exists()
    assert not ExhibitPicture.objects.exists()


def test_generate_summit_with_exhibits_stores_their_pictures_and_renditions(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    out = io.StringIO()

    call_command(
        "generate_summit",
        slug="expo",
        sessions=10,
        rooms=2,
        speakers=40,
        days=1,
        exhibits=12,
        pictures_per_exhibit=2,
        stdout=out,
    )

    edition = Edition.objects.get(slug="expo")
    expo = Expo.objects.get(edition=edition)
    assert expo.halls.exists()
    exhibits = list(Exhibit.objects.filter(expo=expo).select_related("exhibitor", "hall"))
    assert len(exhibits) == 12
    assert len({e.category for e in exhibits}) >= 6
    assert all(e.exhibitor.edition_id == edition.pk and e.hall.expo_id == expo.pk for e in exhibits)
    for exhibit in exhibits:
        exhibit.full_clean()
    pictures = list(ExhibitPicture.objects.filter(exhibit__expo=expo))
    assert len(pictures) == 24
    for picture in pictures:
        assert (picture.width, picture.height) == (800, 600)
        assert picture.alt_text.startswith("Sample illustration for")
        with Image.open(settings.MEDIA_ROOT / picture.image.name) as image:
            assert (image.format, image.size) == ("JPEG", (800, 600))
        with Image.open(settings.MEDIA_ROOT / picture.thumbnail.name) as thumbnail:
            assert (thumbnail.format, thumbnail.size) == ("WEBP", (400, 300))
        with Image.open(settings.MEDIA_ROOT / picture.large.name) as large:
            assert (large.format, large.size) == ("WEBP", (800, 600))
    stored = {path for path in (settings.MEDIA_ROOT).rglob("*") if path.is_file()}
    assert len(stored) == 3 * 24
    assert "12 exhibits with 24 pictures in" in out.getvalue()


def test_generate_summit_replace_removes_the_old_expo_and_its_files(
    settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path / "media"
    options = {"slug": "expo", "sessions": 4, "rooms": 2, "speakers": 8, "days": 1, "stdout": io.StringIO()}
    call_command("generate_summit", exhibits=3, **options)
    old_files = {path for path in settings.MEDIA_ROOT.rglob("*") if path.is_file()}
    assert len(old_files) == 9

    with django_capture_on_commit_callbacks(execute=True):
        call_command("generate_summit", exhibits=2, replace=True, **options)

    assert Exhibit.objects.count() == 2
    files = {path for path in settings.MEDIA_ROOT.rglob("*") if path.is_file()}
    assert len(files) == 6
    assert not files & old_files


@pytest.mark.parametrize(
    ("option", "value"), [("exhibits", -1), ("pictures_per_exhibit", -1), ("pictures_per_exhibit", 11)]
)
def test_generate_summit_refuses_impossible_exhibit_options(option, value):
    with pytest.raises(CommandError):
        call_command("generate_summit", slug="bench", sessions=4, rooms=2, speakers=4, days=1, **{option: value})
    assert not Edition.objects.filter(slug="bench").exists()
