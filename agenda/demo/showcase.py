"""The demo's expo, awards, outcomes and competitions, written as the rest of the demo is (agenda/demo/writer.py)."""

import datetime as dt

from django.core.files.base import ContentFile

from agenda.demo import reader
from agenda.demo.documents import placeholder_pdf
from agenda.demo.pictures import add_sample_pictures
from agenda.demo.values import chinese_values as _chinese
from agenda.demo.values import pick as _pick
from agenda.models import (
    AwardCategory,
    AwardProgramme,
    Competition,
    CompetitionEntry,
    CompetitionTrack,
    Exhibit,
    Expo,
    Hall,
    Honouree,
    Outcome,
)


class ShowcaseWriter:
    """Mixed into DemoWriter: uses its `upsert`, `prune` and `stats`."""

    def write_expo(self, edition, data, *, position, venues, organisations):
        expo = self.upsert(
            Expo,
            {"edition": edition, "slug": data["slug"]},
            {
                "name": data["name"],
                "description": data.get("description", ""),
                "venue": _pick(venues, data["venue"], "venue", edition) if data.get("venue") else None,
                "start_date": dt.date.fromisoformat(data["start_date"]) if data.get("start_date") else None,
                "end_date": dt.date.fromisoformat(data["end_date"]) if data.get("end_date") else None,
                "position": position,
                **_chinese(Expo, data, reader.EXPO),
            },
        )
        halls = {}
        for hall_position, hall_data in enumerate(data.get("halls", []), start=1):
            halls[hall_data["slug"]] = self.upsert(
                Hall,
                {"expo": expo, "slug": hall_data["slug"]},
                {"name": hall_data["name"], "position": hall_position, **_chinese(Hall, hall_data, reader.HALL)},
            )
        for exhibit_position, exhibit_data in enumerate(data.get("exhibits", []), start=1):
            hall_slug = exhibit_data.get("hall")
            exhibit = self.upsert(
                Exhibit,
                {"expo": expo, "slug": exhibit_data["slug"]},
                {
                    "title": exhibit_data["title"],
                    "exhibitor": _pick(organisations, exhibit_data["exhibitor"], "organisation", edition),
                    "category": exhibit_data["category"],
                    "hall": _pick(halls, hall_slug, "hall", edition) if hall_slug else None,
                    "booth": exhibit_data.get("booth", ""),
                    "description": exhibit_data.get("description", ""),
                    "is_featured": exhibit_data.get("featured", False),
                    "position": exhibit_position,
                    "is_sample": exhibit_data.get("is_sample", True),
                    **_chinese(Exhibit, exhibit_data, reader.EXHIBIT),
                },
            )
            if self.pictures:
                self.stats["created"] += add_sample_pictures(exhibit, count=exhibit_data.get("pictures", 1))
        return expo

    # -- awards ----------------------------------------------------------------------------------------

    def write_award(self, edition, data, *, position, sessions, organisations, people):
        ceremony = data.get("ceremony")
        programme = self.upsert(
            AwardProgramme,
            {"edition": edition, "slug": data["slug"]},
            {
                "name": data["name"],
                "description": data.get("description", ""),
                "ceremony": _pick(sessions, ceremony, "session", edition) if ceremony else None,
                "position": position,
                **_chinese(AwardProgramme, data, reader.AWARD),
            },
        )
        categories = {}
        for category_position, category_data in enumerate(data.get("categories", []), start=1):
            categories[category_data["slug"]] = self.upsert(
                AwardCategory,
                {"programme": programme, "slug": category_data["slug"]},
                {
                    "name": category_data["name"],
                    "position": category_position,
                    **_chinese(AwardCategory, category_data, reader.AWARD_CATEGORY),
                },
            )
        honourees = data.get("honourees", [])
        for honouree_position, honouree_data in enumerate(honourees, start=1):
            category, person, organisation = (
                honouree_data.get("category"),
                honouree_data.get("person"),
                honouree_data.get("organisation"),
            )
            self.upsert(
                Honouree,
                {"programme": programme, "position": honouree_position},
                {
                    "category": _pick(categories, category, "award category", edition) if category else None,
                    "person": _pick(people, person, "person", edition) if person else None,
                    "organisation": _pick(organisations, organisation, "organisation", edition)
                    if organisation
                    else None,
                    "case_title": honouree_data.get("case_title", ""),
                    "citation": honouree_data.get("citation", ""),
                    "is_sample": honouree_data.get("is_sample", False),
                    **_chinese(Honouree, honouree_data, reader.HONOUREE),
                },
            )
        self.prune(programme.honourees.exclude(position__in=range(1, len(honourees) + 1)))
        return programme

    def write_outcome(self, edition, data, *, position, sessions, organisations):
        """An outcome document. Without a link, it gets a placeholder PDF (agenda/demo/documents.py) once: a second
        run stores no file, and a PDF an organiser put in its place is kept."""
        session = data.get("session")
        values = {
            "title": data["title"],
            "kind": data["kind"],
            "released_on": dt.date.fromisoformat(data["released_on"]),
            "session": _pick(sessions, session, "session", edition) if session else None,
            "summary": data.get("summary", ""),
            "url": data.get("url", ""),
            "is_sample": data.get("is_sample", True),
            "position": position,
            **_chinese(Outcome, data, reader.OUTCOME),
        }
        saved = Outcome.objects.filter(edition=edition, slug=data["slug"]).first()
        if not values["url"] and not (saved and saved.pdf):
            lines = [
                f"Released at the {edition.name}, {values['released_on']:%d %B %Y}.",
                "Placeholder for the demo: the text of this document is not reproduced here.",
            ]
            values["pdf"] = ContentFile(placeholder_pdf(data["title"], lines), name=f"{data['slug']}.pdf")
        outcome = self.upsert(Outcome, {"edition": edition, "slug": data["slug"]}, values)
        publishers = [_pick(organisations, slug, "organisation", edition) for slug in data.get("publishers", [])]
        if {o.pk for o in outcome.publishers.all()} != {o.pk for o in publishers}:
            outcome.publishers.set(publishers)
            if saved is not None:
                self.stats["updated"] += 1
        return outcome

    # -- competitions ----------------------------------------------------------------------------------

    def write_competition(self, edition, data, *, position, sessions, organisations):
        final = data.get("final")
        competition = self.upsert(
            Competition,
            {"edition": edition, "slug": data["slug"]},
            {
                "name": data["name"],
                "description": data.get("description", ""),
                "final": _pick(sessions, final, "session", edition) if final else None,
                "position": position,
                "is_sample": data.get("is_sample", False),
                **_chinese(Competition, data, reader.COMPETITION),
            },
        )
        tracks = {}
        for track_position, track_data in enumerate(data.get("tracks", []), start=1):
            tracks[track_data["slug"]] = self.upsert(
                CompetitionTrack,
                {"competition": competition, "slug": track_data["slug"]},
                {
                    "name": track_data["name"],
                    "position": track_position,
                    "is_sample": track_data.get("is_sample", False),
                    **_chinese(CompetitionTrack, track_data, reader.COMPETITION_TRACK),
                },
            )
        entries = data.get("entries", [])
        for entry_position, entry_data in enumerate(entries, start=1):
            track, organisation = entry_data.get("track"), entry_data.get("organisation")
            self.upsert(
                CompetitionEntry,
                {"competition": competition, "slug": entry_data["slug"]},
                {
                    "project_title": entry_data["project_title"],
                    "track": _pick(tracks, track, "competition track", edition) if track else None,
                    "team": entry_data.get("team", ""),
                    "organisation": _pick(organisations, organisation, "organisation", edition)
                    if organisation
                    else None,
                    "country": entry_data.get("country", ""),
                    "result": entry_data.get("result", "finalist"),
                    "summary": entry_data.get("summary", ""),
                    "position": entry_position,
                    "is_sample": entry_data.get("is_sample", False),
                    **_chinese(CompetitionEntry, entry_data, reader.COMPETITION_ENTRY),
                },
            )
        # The data lists every track and entry of a demo competition: others are removed.
        self.prune(competition.entries.exclude(slug__in=[entry["slug"] for entry in entries]))
        self.prune(competition.tracks.exclude(slug__in=list(tracks)))
        return competition
