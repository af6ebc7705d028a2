"""Load (or refresh) the demo programme of the WIC Wuzhen Summit from the data files in agenda/demo/data/."""

import time

from django.core.management.base import BaseCommand, CommandError

from agenda.demo.loader import demo_load
from agenda.demo.reader import DemoDataError, edition_slugs


class Command(BaseCommand):
    help = (
        "Load the demo programme of the WIC Wuzhen Summit (editions 2017, 2022, 2023 and 2024, with 2024 "
        "current), with the Light of the Internet Expo (exhibits with sample pictures) and the awards. Safe to "
        "run again: rows are matched by slug, only changed values are saved and no picture is stored twice."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--edition",
            metavar="SLUG",
            choices=edition_slugs(),
            help="Load only this edition (one of: %(choices)s).",
        )
        parser.add_argument(
            "--no-pictures",
            action="store_true",
            help="Do not draw sample pictures for exhibits that lack them (faster); stored pictures are kept.",
        )

    def handle(self, *args, edition=None, no_pictures=False, **options):
        began = time.monotonic()
        try:
            loaded = demo_load(edition=edition, pictures=not no_pictures)
        except DemoDataError as error:
            raise CommandError(str(error))
        for result in loaded:
            slug = result.edition.slug
            self.stdout.write(
                f"{slug}: {result.summary} "
                f"[{result.created} created, {result.updated} updated, {result.removed} removed]"
            )
            for note in result.notes:
                self.stdout.write(self.style.WARNING(f"{slug}: {note}"))
        self.stdout.write(
            self.style.SUCCESS(f"Demo data loaded ({len(loaded)} editions) in {time.monotonic() - began:.1f}s.")
        )
