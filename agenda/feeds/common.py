"""What the calendar and conference-app feeds share: identifiers, names, places and text."""

import re
import uuid
from collections import defaultdict

from django.urls import NoReverseMatch, reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _

from agenda.enums import SpeakerRole
from agenda.models.session import SESSION_GUID_NAMESPACE
from agenda.selectors.run_of_show import run_of_show
from agenda.templatetags.wording import DETAIL_SEPARATOR, ENTRY_SEPARATOR, LABEL_COLON, LIST_SEPARATOR, aside

GENERATOR_NAME = "WIC Planner"
# Derived from the sessions' namespace, so room guids are as stable as session guids.
ROOM_GUID_NAMESPACE = uuid.uuid5(SESSION_GUID_NAMESPACE, "rooms")

# Characters XML 1.0 forbids (and calendar apps choke on); everything else passes through.
_CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_NOT_ACRONYM = re.compile(r"[^a-z0-9_]+")
_NOT_SLUG = re.compile(r"[^a-z0-9_-]+")
# Both schemas: the XSD's voc-slug-new and the JSON schema's event slug.
EVENT_SLUG_PATTERN = re.compile(r"^[a-z0-9_]{4,}-[a-z0-9\-_]{4,}$")
JSON_SLUG_PATTERN = re.compile(r"^[a-z0-9_-]+[a-z0-9]$")


def clean_text(value):
    """Text safe for XML and iCalendar: no control characters, Windows line ends normalised."""
    if value is None:
        return ""
    return _CONTROL_CHARACTERS.sub("", str(value).replace("\r\n", "\n").replace("\r", "\n"))


def acronym(edition):
    """A short lower-case code such as “wic2024”: [a-z0-9_], at least four characters."""
    code = slugify(f"{edition.summit.short_name}{edition.slug}").replace("-", "_")
    code = _NOT_ACRONYM.sub("_", code).strip("_")
    return code.ljust(4, "_")


def session_part(session):
    """The session's own part of its feed slug: its slug when that fits, else a mapped slug and its id."""
    part = _NOT_SLUG.sub("-", slugify(session.slug)).strip("-_")
    if part != session.slug or len(part) < 4:
        part = f"{part}-{session.pk}" if part else f"session-{session.pk}"
        part = part if len(part) >= 4 else f"session-{part}"
    return part


def event_slugs(edition, sessions):
    """Slugs like “wic2024-opening-ceremony” for the sessions, unique within the feed."""
    prefix = acronym(edition)
    slugs, taken = {}, set()
    for session in sessions:
        slug = f"{prefix}-{session_part(session)}"
        if slug in taken:
            slug = f"{slug}-{session.pk}"
        taken.add(slug)
        slugs[session.pk] = slug
    return slugs


def feed_filename(edition, extension, session=None):
    name = acronym(edition)
    if session is not None:
        name = f"{name}-{session_part(session)}"
    return f"{name}.{extension}"


def session_path(edition, session):
    try:
        return reverse("agenda:session_detail", args=[edition.slug, session.slug])
    except NoReverseMatch:
        return reverse("agenda:agenda", args=[edition.slug])


def room_guid(edition, key):
    return uuid.uuid5(ROOM_GUID_NAMESPACE, f"{edition.pk}:{key}")


def place_parts(edition, session):
    """Room, venue and city, as far as they are known (for a whole-venue session: venue and city)."""
    if session.room_id:
        parts = [session.room.name, session.room.venue.name]
    elif session.venue_id:
        parts = [session.venue.name]
    elif session.location:
        return [clean_text(session.location)]  # elsewhere: not the edition's city
    else:
        parts = [_("To be announced")]
    if edition.city:
        parts.append(edition.city)
    return [clean_text(part) for part in parts if part]


def _person_label(person):
    details = [detail for detail in (person.title, person.organisation.name if person.organisation else "") if detail]
    return f"{person.name}{aside(DETAIL_SEPARATOR.join(details))}" if details else person.name


def speakers_by_role(session):
    """[(role label, [“Name (title, organisation)”, …]), …] in the order of the roles' choices."""
    by_role = defaultdict(list)
    for link in session.speaker_links.all():
        by_role[link.role].append(_person_label(link.person))
    return [(str(label), by_role[role]) for role, label in SpeakerRole.choices if by_role[role]]


def session_people(session):
    """Everyone who speaks in the session (its speakers, then the run-of-show's), once each."""
    people = {}
    for link in session.speaker_links.all():
        people.setdefault(link.person.pk, link.person)
    for item in session.items.all():
        for person in item.speakers.all():
            people.setdefault(person.pk, person)
    return list(people.values())


def session_text(session, *, zone):
    """The session as plain text: description, speakers by role, run-of-show and organisers."""
    blocks = []
    if session.is_cancelled:
        blocks.append(_("This session has been cancelled."))
    if session.is_sample:
        # The same words as the session's page: a calendar or app shows the session as honestly.
        blocks.append(
            _(
                "Sample data: the time, room or speakers of this session are illustrative, not taken from an "
                "official programme."
            )
        )
    if session.description.strip():
        blocks.append(session.description.strip())
    speakers = speakers_by_role(session)
    if speakers:
        blocks.append("\n".join(f"{label}{LABEL_COLON}{ENTRY_SEPARATOR.join(names)}" for label, names in speakers))
    items = run_of_show(session)
    if items:
        lines = [_("Run of show:")]
        for timed in items:
            line = f"{timed.start.astimezone(zone):%H:%M} {timed.item.title}"
            names = [person.name for person in timed.item.speakers.all()]
            if names:
                line += aside(LIST_SEPARATOR.join(names))
            lines.append(line)
        blocks.append("\n".join(lines))
    organisers = [f"{link.organisation.name}{aside(link.get_role_display())}" for link in session.organiser_links.all()]
    if organisers:
        blocks.append(_("Organisers: %(names)s") % {"names": ENTRY_SEPARATOR.join(organisers)})
    return clean_text("\n\n".join(blocks))
