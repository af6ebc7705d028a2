"""What a share card shows, as text in the active language: everything the picture is drawn from, and so what
its cache key is made of (`digest`)."""

import dataclasses
import hashlib

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from agenda.templatetags.faces import avatar_colour, initials
from agenda.templatetags.wording import DETAIL_SEPARATOR, LABEL_COLON, LIST_SEPARATOR, aside

# The speakers a session card names; the others are counted.
NAMED_SPEAKERS = 4


@dataclasses.dataclass(frozen=True)
class SessionCard:
    summit: str
    edition: str
    kind: str
    title: str
    day: str
    time: str
    place: str
    speakers: str
    accent: str  # the topic's colour, or the summit's
    cancelled: str  # "" or the word for it

    @property
    def digest(self):
        return _digest(self)


@dataclasses.dataclass(frozen=True)
class SpeakerCard:
    summit: str
    edition: str
    dates: str
    label: str
    name: str
    initials: str
    colour: str
    position: str

    @property
    def digest(self):
        return _digest(self)


def _digest(card):
    fields = [type(card).__name__, *dataclasses.astuple(card)]
    return hashlib.blake2b(repr(fields).encode(), digest_size=16).hexdigest()


def _plain(text):
    return " ".join(str(text or "").split())


def session_card(*, edition, session, speaker_names, speaker_total):
    """The card of `session` (its room and venue loaded), naming `speaker_names` out of `speaker_total`."""
    start = timezone.localtime(session.start, edition.zone)
    end = timezone.localtime(session.end, edition.zone)
    if session.room:
        place = f"{session.room.name}{DETAIL_SEPARATOR}{session.room.venue.name}"
    elif session.venue:
        place = _("All rooms, %(venue)s") % {"venue": session.venue.name}
    else:
        place = _("To be announced")
    names = [_plain(name) for name in speaker_names[:NAMED_SPEAKERS] if _plain(name)]
    speakers = ""
    if names:
        speakers = str(LIST_SEPARATOR).join(names)
        more = max(speaker_total - len(names), 0)
        if more:
            speakers = ngettext("%(names)s and %(count)s more", "%(names)s and %(count)s more", more) % {
                "names": speakers,
                "count": more,
            }
        speakers = f"{_('Speakers')}{LABEL_COLON}{speakers}"
    return SessionCard(
        summit=_plain(edition.summit.name),
        edition=_plain(edition.name),
        kind=_plain(session.get_kind_display()),
        title=_plain(session.title),
        day=date_format(start, "WEEKDAY_DATE_FORMAT"),
        time=f"{date_format(start, 'H:i')}–{date_format(end, 'H:i')}{aside(edition.zone_label)}",
        place=_plain(place),
        speakers=speakers,
        accent=session.topic.colour if session.topic else "",
        cancelled=_("This session is cancelled.") if session.is_cancelled else "",
    )


def speaker_card(*, edition, person):
    """The card of `person` (their organisation loaded): the initials avatar the pages show, position and
    organisation, the edition."""
    organisation = person.organisation.name if person.organisation else ""
    position = str(DETAIL_SEPARATOR).join(_plain(part) for part in (person.title, organisation) if _plain(part))
    return SpeakerCard(
        summit=_plain(edition.summit.name),
        edition=_plain(edition.name),
        dates=" · ".join(part for part in (edition.dates_label, _plain(edition.city)) if part),
        label=_("Speaker"),
        name=_plain(person.name),
        initials=initials(person.name),
        colour=avatar_colour(person.name),
        position=position,
    )
