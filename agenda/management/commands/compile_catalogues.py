from django.core.management.base import BaseCommand

from ._catalogues import catalogue_files


class Command(BaseCommand):
    help = "Compile every translation catalogue (locale/*/LC_MESSAGES/*.po) to .mo, without GNU gettext."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Compile even catalogues whose .mo is up to date.")

    def handle(self, *args, force, **options):
        import polib

        files = catalogue_files()
        compiled = 0
        for po_path in files:
            mo_path = po_path.with_suffix(".mo")
            if not force and mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                continue
            # Fuzzy and untranslated entries are left out: the page shows the English text instead.
            polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
            compiled += 1
            if options["verbosity"] > 1:
                self.stdout.write(f"compiled {po_path}")
        self.stdout.write(f"{compiled} catalogue(s) compiled, {len(files) - compiled} up to date.")
