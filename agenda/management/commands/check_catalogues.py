from django.core.management.base import BaseCommand, CommandError

from ._catalogues import catalogue_files, entry_problems


class Command(BaseCommand):
    help = "Fail on any untranslated or fuzzy entry, or a lost placeholder, in the translation catalogues."

    def handle(self, *args, **options):
        import polib

        files = catalogue_files()
        problems = []
        for po_path in files:
            for entry in polib.pofile(str(po_path)):
                for problem in entry_problems(entry):
                    problems.append(f"{po_path}:{entry.linenum}: {problem}: {entry.msgid!r}")
        if problems:
            raise CommandError(f"{len(problems)} catalogue entries are not ready:\n" + "\n".join(problems))
        self.stdout.write(f"{len(files)} catalogue(s) complete.")
