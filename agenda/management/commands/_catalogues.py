"""The project's translation catalogues (locale/<language>/LC_MESSAGES/*.po), read with polib.

Compiling them needs no GNU gettext tools, which a fresh machine may lack.
"""

import re
from pathlib import Path

from django.apps import apps
from django.conf import settings

# Placeholders a translation must keep, or formatting it fails: %(name)s, %s, {name}.
PERCENT_PLACEHOLDER = re.compile(r"%(?:\((\w+)\))?[-#0 +]*\d*(?:\.\d+)?[sdifr%]")
BRACE_PLACEHOLDER = re.compile(r"(?<!\{)\{(\w*)\}(?!\})")


def locale_directories():
    """LOCALE_PATHS and the project's own apps' locale/ folders (not installed libraries')."""
    base = Path(settings.BASE_DIR).resolve()
    app_folders = [(Path(config.path) / "locale").resolve() for config in apps.get_app_configs()]
    folders = [Path(folder).resolve() for folder in settings.LOCALE_PATHS]
    # The project's own apps only: a virtualenv inside the project holds installed libraries' catalogues.
    folders += [folder for folder in app_folders if folder.is_relative_to(base) and "site-packages" not in folder.parts]
    return [folder for index, folder in enumerate(folders) if folder.is_dir() and folder not in folders[:index]]


def catalogue_files():
    return sorted(path for folder in locale_directories() for path in folder.glob("*/LC_MESSAGES/*.po"))


def placeholders(text, flags):
    if "python-brace-format" in flags:
        return sorted(BRACE_PLACEHOLDER.findall(text))
    if "python-format" in flags:
        return sorted(match.group(0) if not match.group(1) else match.group(1) for match in _percent(text))
    return []


def _percent(text):
    return [match for match in PERCENT_PLACEHOLDER.finditer(text) if match.group(0) != "%%"]


def entry_problems(entry):
    """What is wrong with one catalogue entry, in words (empty when it is ready to use)."""
    if entry.obsolete:
        return []
    if "fuzzy" in entry.flags:
        return ["fuzzy"]
    translations = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
    if not translations or any(not text for text in translations):
        return ["untranslated"]
    expected = placeholders(entry.msgid, entry.flags)
    for text in translations:
        found = placeholders(text, entry.flags)
        # A plural form may leave out the count (一 / 一个), but never name a placeholder the source lacks.
        in_plural = entry.msgid_plural and set(found) <= set(placeholders(entry.msgid_plural, entry.flags))
        if found != expected and not in_plural:
            return [f"placeholders {found} instead of {expected}"]
    return []
