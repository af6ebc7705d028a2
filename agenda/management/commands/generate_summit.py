"""Create a synthetic edition of any size, for tests and benchmarks (see agenda/demo/synthetic.py)."""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from agenda.demo.synthetic import edition_remove, summit_generate
from agenda.models import Edition
from agenda.services import publish_release


class Command(BaseCommand):
    help = "Generate a synthetic edition (rooms, topics, organisations, people, sessions) for tests and benchmarks."

    def add_arguments(self, parser):
        parser.add_argument("--slug", default="bench")
        parser.add_argument("--days", type=int, default=4)
        parser.add_argument("--rooms", type=int, default=30)
        parser.add_argument("--sessions", type=int, default=600)
        parser.add_argument("--speakers", type=int, default=1200)
        parser.add_argument("--start", default="2030-11-19", help="First day, YYYY-MM-DD.")
        parser.add_argument("--seed", type=int, default=2024)
        parser.add_argument("--replace", action="store_true", help="Delete an existing edition with this slug first.")
        parser.add_argument("--exhibits", type=int, default=0, help="Exhibits in the edition's expo (default 0).")
        parser.add_argument(
            "--pictures-per-exhibit",
            type=int,
            default=1,
            metavar="K",
            help="Sample pictures per exhibit, stored like uploads with their renditions (default 1).",
        )
        parser.add_argument(
            "--unpublished", action="store_true", help="Create the edition unpublished (it is published by default)."
        )
        parser.add_argument(
            "--open-registration",
            action="store_true",
            help="Open delegate registration now, until the first day (for trying the delegate pages).",
        )
        parser.add_argument(
            "--keep-existing", action="store_true", help="Leave an existing edition with this slug as it is."
        )

    def handle(self, *args, **options):
        for name in ("days", "rooms", "sessions", "speakers"):
            if options[name] < 1:
                raise CommandError(f"--{name} must be at least 1.")
        if options["exhibits"] < 0:
            raise CommandError("--exhibits cannot be negative.")
        if not 0 <= options["pictures_per_exhibit"] <= 10:
            raise CommandError("--pictures-per-exhibit must be between 0 and 10.")
        if -(-options["sessions"] // (options["rooms"] * options["days"])) * 20 > 15 * 60:
            raise CommandError("Too many sessions for the rooms and days (a day runs 08:30–23:30): add rooms or days.")
        slug = options["slug"]
        if Edition.objects.filter(slug=slug).exists():
            if options["keep_existing"]:
                self.stdout.write(f"Edition “{slug}” exists; left as it is.")
                return
            if not options["replace"]:
                raise CommandError(f"Edition “{slug}” exists; add --replace to recreate it.")
            edition_remove(slug=slug)
        generated = summit_generate(
            slug=slug,
            days=options["days"],
            rooms=options["rooms"],
            sessions=options["sessions"],
            speakers=options["speakers"],
            first_day=dt.date.fromisoformat(options["start"]),
            seed=options["seed"],
            exhibits=options["exhibits"],
            pictures_per_exhibit=options["pictures_per_exhibit"],
            published=not options["unpublished"],
            open_registration=options["open_registration"],
        )
        edition = generated.edition
        self.stdout.write(
            f"Edition “{edition.slug}”{'' if edition.is_published else ' (unpublished)'}: "
            f"{edition.sessions.count()} sessions, {options['rooms']} rooms, "
            f"{edition.people.count()} people over {options['days']} days in {generated.programme_seconds:.1f}s."
        )
        if options["exhibits"]:
            self.stdout.write(
                f"Expo: {options['exhibits']} exhibits with {generated.pictures} pictures "
                f"in {generated.expo_seconds:.1f}s."
            )
        if edition.is_published and edition.sessions.public().exists():
            # The baseline release: later edits are announced to delegates when the next release is published.
            release = publish_release(edition=edition, note_en="Programme published", note_zh_hans="日程已发布")
            self.stdout.write(f"Release {release.number} published (the baseline for the changes page).")
