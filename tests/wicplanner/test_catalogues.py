"""Translation catalogues: compiled without GNU gettext, and checked for anything left untranslated."""

import gettext
import textwrap

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from agenda.management.commands._catalogues import catalogue_files

HEADER = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Plural-Forms: nplurals=1; plural=0;\\n"
"Language: zh_Hans\\n"

"""
COMPLETE = """\
msgid "Agenda"
msgstr "议程"

#, python-format
msgid "Registration closes on %(date)s."
msgstr "报名截止于%(date)s。"

#, python-format
msgid "%(counter)s session"
msgid_plural "%(counter)s sessions"
msgstr[0] "%(counter)s 场会议"
"""


def catalogue(folder, entries):
    path = folder / "zh_Hans" / "LC_MESSAGES" / "django.po"
    path.parent.mkdir(parents=True)
    path.write_text(HEADER + textwrap.dedent(entries), encoding="utf-8")
    return path


@pytest.fixture
def locale(settings, tmp_path):
    settings.LOCALE_PATHS = [tmp_path]
    return tmp_path


def test_compile_catalogues_writes_a_mo_file_gettext_reads(locale):
    po = catalogue(locale, COMPLETE + '\n#, fuzzy\nmsgid "Speakers"\nmsgstr "演讲者?"\n')

    call_command("compile_catalogues")

    with po.with_suffix(".mo").open("rb") as mo:
        translations = gettext.GNUTranslations(mo)
    assert translations.gettext("Agenda") == "议程"
    assert translations.ngettext("%(counter)s session", "%(counter)s sessions", 3) == "%(counter)s 场会议"
    assert translations.gettext("Speakers") == "Speakers"  # a fuzzy entry is left out


def test_compile_catalogues_leaves_an_up_to_date_mo_file_alone(locale, capsys):
    catalogue(locale, COMPLETE)
    call_command("compile_catalogues")

    call_command("compile_catalogues")

    assert capsys.readouterr().out.splitlines()[-1] == "0 catalogue(s) compiled, 1 up to date."


def test_check_catalogues_passes_a_complete_catalogue(locale, capsys):
    catalogue(locale, COMPLETE)

    call_command("check_catalogues")

    assert capsys.readouterr().out == "1 catalogue(s) complete.\n"


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        ('msgid "Speakers"\nmsgstr ""\n', "untranslated"),
        ('#, fuzzy\nmsgid "Speakers"\nmsgstr "演讲者"\n', "fuzzy"),
        (
            '#, python-format\nmsgid "Opens on %(date)s."\nmsgstr "开放于%(day)s。"\n',
            "placeholders ['day'] instead of ['date']",
        ),
        ('msgid "One"\nmsgid_plural "Many"\nmsgstr[0] ""\n', "untranslated"),
    ],
)
def test_check_catalogues_fails_on_an_entry_not_ready(locale, entry, problem):
    po = catalogue(locale, COMPLETE + "\n" + entry)

    with pytest.raises(CommandError) as failure:
        call_command("check_catalogues")

    assert str(failure.value).splitlines()[0] == "1 catalogue entries are not ready:"
    assert str(failure.value).splitlines()[1].split(": ")[1] == problem
    assert str(failure.value).splitlines()[1].startswith(f"{po}:")


def test_the_projects_catalogues_are_complete():
    if not catalogue_files():
        pytest.skip("no translation catalogue yet (locale/*/LC_MESSAGES/*.po)")

    call_command("check_catalogues")
