"""A change of a release as people read it, in the active language and the edition's time zone.

The one place the words of a change are made: the changes page, the admin's preview and the emails all
print what `describe` returns (“Moved: Wed 20 Nov, 14:00–16:00, Room A → Thu 21 Nov, 09:00–11:00, Room B”).
"""

import datetime as dt
from dataclasses import dataclass, field

from django.utils.formats import date_format
from django.utils.translation import get_language, gettext_lazy, pgettext, pgettext_lazy
from django.utils.translation import gettext as _

# Each kind in the order a release lists them, with its heading on the changes page and its label in a line.
CHANGE_KINDS = {
    "added": (gettext_lazy("Added"), pgettext_lazy("a session", "Added")),
    "cancelled": (gettext_lazy("Cancelled"), pgettext_lazy("a session", "Cancelled")),
    "removed": (gettext_lazy("Removed"), pgettext_lazy("a session", "Removed from the programme")),
    "moved": (gettext_lazy("Moved"), pgettext_lazy("a session", "Moved")),
    "renamed": (gettext_lazy("Renamed"), pgettext_lazy("a session", "Renamed")),
    "speakers": (gettext_lazy("Speakers changed"), pgettext_lazy("a session", "Speakers")),
}

ARROW = " → "


@dataclass
class ChangeLine:
    kind: str
    label: str
    detail: str
    text: str = ""  # label and detail, as one line of an email

    def __str__(self):
        return self.text


@dataclass
class DescribedChange:
    """One changed session: its title and address as they stand now (or last stood), and a line per kind."""

    session_id: int
    title: str
    slug: str
    is_public: bool
    lines: list = field(default_factory=list)

    def line(self, kind):
        return next((line for line in self.lines if line.kind == kind), None)


def _suffix():
    return "zh_hans" if (get_language() or "en").lower().startswith("zh") else "en"


def _text(entry, name):
    """The entry's text in the active language (a Chinese text is never empty in a snapshot, see snapshot.py)."""
    return entry.get(f"{name}_{_suffix()}") or entry.get(f"{name}_en") or ""


def _when_and_where(entry, zone):
    start = dt.datetime.fromisoformat(entry["start"]).astimezone(zone)
    end = dt.datetime.fromisoformat(entry["end"]).astimezone(zone)
    first = date_format(start, "SHORT_WEEKDAY_DATETIME_FORMAT")
    if end.date() == start.date():
        when = f"{first}–{end:%H:%M}"
    else:
        when = f"{first} – {date_format(end, 'SHORT_WEEKDAY_DATETIME_FORMAT')}"
    room = _text(entry, "room")
    return _("%(when)s, %(room)s") % {"when": when, "room": room} if room else when


def _renamed(before, after):
    old, new = _text(before, "title"), _text(after, "title")
    if old == new:  # renamed in the other language only: say so in that language
        other = "en" if _suffix() == "zh_hans" else "zh_hans"
        old, new = before[f"title_{other}"], after[f"title_{other}"]
    return f"“{old}”{ARROW}“{new}”"


def _speakers(before, after):
    key = f"speakers_{_suffix()}"
    old, new = before[key], after[key]
    added = [name for name in new if name not in old]
    removed = [name for name in old if name not in new]
    between_names = pgettext("between names in a list", ", ")
    parts = []
    if added:
        parts.append(_("added: %(names)s") % {"names": between_names.join(added)})
    if removed:
        parts.append(_("removed: %(names)s") % {"names": between_names.join(removed)})
    # Changed in the other language only (a name newly written in Chinese): the speakers as they are now.
    return pgettext("between parts of a sentence", "; ").join(parts) or between_names.join(new)


def _detail(kind, before, after, zone):
    if kind == "moved":
        return _when_and_where(before, zone) + ARROW + _when_and_where(after, zone)
    if kind == "renamed":
        return _renamed(before, after)
    if kind == "speakers":
        return _speakers(before, after)
    return _when_and_where(after or before, zone)


def describe(change, *, zone):
    """A change (an entry of `Release.changes`) as a `DescribedChange` in the active language."""
    before, after = change["before"], change["after"]
    current = after or before
    described = DescribedChange(
        session_id=change["session"], title=_text(current, "title"), slug=current["slug"], is_public=after is not None
    )
    for kind in CHANGE_KINDS:
        if kind in change["kinds"]:
            label, detail = str(CHANGE_KINDS[kind][1]), _detail(kind, before, after, zone)
            text = _("%(label)s: %(detail)s") % {"label": label, "detail": detail}
            described.lines.append(ChangeLine(kind, label, detail, text))
    return described


def describe_all(changes, *, zone):
    return [describe(change, zone=zone) for change in changes]


def grouped_by_kind(described):
    """[(kind, heading, [(DescribedChange, its ChangeLine of that kind), …]), …] in the order of CHANGE_KINDS,
    kinds with no change left out."""
    groups = []
    for kind, (heading, _label) in CHANGE_KINDS.items():
        members = [(change, change.line(kind)) for change in described if change.line(kind)]
        if members:
            groups.append((kind, str(heading), members))
    return groups
