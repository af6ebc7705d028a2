"""Load (or refresh) the demo programme of the WIC Wuzhen Summit: editions 2017, 2022, 2023 and 2024, with 2024
current, their expos (exhibits with sample pictures), awards and outcomes.

The data files (agenda/demo/data/) are read and checked first (agenda/demo/reader.py), then written in one
transaction (agenda/demo/writer.py): a malformed file changes nothing, and loading again changes nothing either.
"""

from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.utils import translation

from agenda.demo.reader import DATA_DIR, read_demo_data
from agenda.demo.writer import DemoWriter
from agenda.enums import SessionKind
from agenda.models import (
    AwardProgramme,
    Competition,
    CompetitionEntry,
    Edition,
    Exhibit,
    ExhibitPicture,
    Honouree,
    Organisation,
    Outcome,
    Person,
    Room,
    Session,
    SessionItem,
    SessionOrganiser,
    SessionSpeaker,
    Topic,
    Venue,
)


@dataclass(frozen=True)
class LoadedEdition:
    """What loading one edition did: the edition, its contents in words, the row counts and any notes."""

    edition: Edition
    summary: str
    created: int
    updated: int
    removed: int
    notes: list


def demo_load(*, edition: str | None = None, pictures: bool = True, data_dir: Path = DATA_DIR) -> list[LoadedEdition]:
    """Load every demo edition, or only the one with slug `edition`, from the files in `data_dir`, in one transaction.

    Raises DemoDataError when a data file is malformed or refers to something it does not describe; then
    nothing is written.
    """
    data = read_demo_data(data_dir)
    editions = [item for item in data.editions if edition in (None, item["slug"])]
    loaded = []
    # The data's plain texts are the English ones; the Chinese ones are named (`title_zh_hans`). With
    # django-modeltranslation a plain field name means the active language's column, so English is made active.
    with transaction.atomic(), translation.override("en"):
        summit = DemoWriter(data).write_summit()
        for edition_data in editions:
            writer = DemoWriter(data, pictures=pictures)
            result = writer.write_edition(summit, edition_data)
            stats = writer.stats
            loaded.append(
                LoadedEdition(
                    edition=result,
                    summary=edition_summary(result),
                    created=stats["created"],
                    updated=stats["updated"],
                    removed=stats["removed"],
                    notes=writer.notes,
                )
            )
    return loaded


def edition_summary(edition: Edition) -> str:
    """What the edition holds, in one line: "2 venues, 7 rooms, ..., 0 honourees"."""
    sessions = Session.objects.filter(edition=edition)
    counts = {
        "venues": Venue.objects.filter(edition=edition).count(),
        "rooms": Room.objects.filter(venue__edition=edition).count(),
        "topics": Topic.objects.filter(edition=edition).count(),
        "organisations": Organisation.objects.filter(edition=edition).count(),
        "people": Person.objects.filter(edition=edition).count(),
        "sessions": sessions.count(),
        "speaker links": SessionSpeaker.objects.filter(session__edition=edition).count(),
        "organiser links": SessionOrganiser.objects.filter(session__edition=edition).count(),
        "run-of-show items": SessionItem.objects.filter(session__edition=edition).count(),
        "exhibits": Exhibit.objects.of_edition(edition).count(),
        "exhibit pictures": ExhibitPicture.objects.filter(exhibit__expo__edition=edition).count(),
        "award programmes": AwardProgramme.objects.filter(edition=edition).count(),
        "honourees": Honouree.objects.filter(programme__edition=edition).count(),
        "outcomes": Outcome.objects.filter(edition=edition).count(),
        "competitions": Competition.objects.filter(edition=edition).count(),
        "competition entries": CompetitionEntry.objects.filter(competition__edition=edition).count(),
    }
    parts = [f"{number} {label}" for label, number in counts.items()]
    parts.insert(6, f"{sessions.filter(kind=SessionKind.SUB_FORUM).count()} of them sub-forums")
    return ", ".join(parts)
