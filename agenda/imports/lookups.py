"""What a file's slugs refer to, read once per import, and messages that say how to fix a wrong one."""

import difflib

from django.utils.text import slugify
from django.utils.translation import gettext as _

from agenda.models import (
    Competition,
    CompetitionTrack,
    Edition,
    Expo,
    Hall,
    Organisation,
    Person,
    Room,
    Session,
    Topic,
    Venue,
)

# Up to this many, a message lists every valid slug; beyond, it only suggests the nearest.
LIST_AT_MOST = 12


def cell_text(value):
    """A cell as text: spreadsheets give numbers for cells like 2024, and None for empty ones."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def nearest(value, choices, names=None):
    """The choice closest to what was typed, by slug or (when given) by name; None if nothing is close."""
    typed = cell_text(value)
    for candidate in (typed.lower(), slugify(typed)):
        close = difflib.get_close_matches(candidate, choices, n=1, cutoff=0.6)
        if close:
            return close[0]
    if names:
        by_name = {name.lower(): slug for slug, name in names.items()}
        close = difflib.get_close_matches(typed.lower(), list(by_name), n=1, cutoff=0.6)
        if close:
            return by_name[close[0]]
    return None


def codes_message(value, choices, what):
    """“keynote” is not a session kind. Use one of: … Did you mean …?"""
    codes = [code for code, _label in choices]
    message = _("“%(value)s” is not a valid %(what)s. Use one of: %(codes)s.") % {
        "value": cell_text(value),
        "what": what,
        "codes": ", ".join(codes),
    }
    close = nearest(value, codes, {code: str(label) for code, label in choices})
    if close:
        message += " " + _("Did you mean “%(code)s”?") % {"code": close}
    return message


class Lookups:
    """Editions and, per edition, its rooms, venues, topics, organisations, people, expos and competitions by slug."""

    QUERIES = {
        "room": lambda edition: Room.objects.filter(venue__edition=edition).select_related("venue"),
        "venue": lambda edition: Venue.objects.filter(edition=edition),
        "topic": lambda edition: Topic.objects.filter(edition=edition),
        "organisation": lambda edition: Organisation.objects.filter(edition=edition),
        "person": lambda edition: Person.objects.filter(edition=edition),
        "expo": lambda edition: Expo.objects.filter(edition=edition),
        "session": lambda edition: Session.objects.filter(edition=edition),
        "competition": lambda edition: Competition.objects.filter(edition=edition),
    }

    def __init__(self):
        self._editions = None
        self._found = {}

    def editions(self):
        if self._editions is None:
            self._editions = {edition.slug: edition for edition in Edition.objects.order_by("start_date")}
        return self._editions

    def edition(self, value):
        """The edition a row names, or a ValueError that says which editions exist."""
        slug = cell_text(value)
        editions = self.editions()
        if not slug:
            raise ValueError(
                _("The edition is missing: write its slug. Editions: %(slugs)s.") % {"slugs": ", ".join(editions)}
            )
        if slug not in editions:
            raise ValueError(
                _("Unknown edition “%(slug)s”.") % {"slug": slug}
                + " "
                + _("Editions: %(slugs)s.") % {"slugs": ", ".join(editions) or _("none yet")}
            )
        return editions[slug]

    def of_edition(self, kind, edition):
        key = (kind, edition.pk)
        if key not in self._found:
            self._found[key] = {obj.slug: obj for obj in self.QUERIES[kind](edition)}
        return self._found[key]

    def halls(self, expo):
        key = ("hall", expo.pk)
        if key not in self._found:
            self._found[key] = {hall.slug: hall for hall in Hall.objects.filter(expo=expo)}
        return self._found[key]

    def tracks(self, competition):
        key = ("track", competition.pk)
        if key not in self._found:
            self._found[key] = {track.slug: track for track in CompetitionTrack.objects.filter(competition=competition)}
        return self._found[key]

    def find(self, found, value, *, thing, things, where):
        """The object a slug names in `found`, or a ValueError suggesting the nearest slug and listing the few."""
        slug = cell_text(value)
        if slug in found:
            return found[slug]
        by_lower = {key.lower(): obj for key, obj in found.items()}
        if slug.lower() in by_lower:
            return by_lower[slug.lower()]
        raise ValueError(unknown_message(slug, found, thing=thing, things=things, where=where))


def unknown_message(slug, found, *, thing, things, where):
    message = _("No %(thing)s “%(slug)s” in %(where)s.") % {"thing": thing, "slug": slug, "where": where}
    if not found:
        return message + " " + _("There are no %(things)s in %(where)s yet.") % {"things": things, "where": where}
    close = nearest(slug, list(found), {key: str(obj) for key, obj in found.items()})
    if close:
        message += " " + _("Did you mean “%(slug)s”?") % {"slug": close}
    if len(found) <= LIST_AT_MOST:
        message += " " + _("The %(things)s of %(where)s: %(slugs)s.") % {
            "things": things,
            "where": where,
            "slugs": ", ".join(sorted(found)),
        }
    return message


def match_choice(value, choices):
    """The code typed, or the code whose label was typed (any case); None if neither."""
    typed = cell_text(value).lower()
    for code, label in choices:
        if typed in (code.lower(), str(label).lower()):
            return code
    return None
