"""A session's speakers, organisers and run-of-show, each written in one spreadsheet cell.

    speakers      robin-li (keynote); zeng-yi (panelist); francis-gurry
    organisers    wic (host); wipo
    run_of_show   09:30 | 10 | Opening remarks | ren-xianliang
                  | 60 | Keynote speeches | robin-li; francis-gurry
    run_of_show_zh_hans
                  开幕致辞
                  主旨演讲

Speakers and organisers are slugs of the session's edition, in order, each with an optional role in
brackets (speaker and organiser when left out), separated by semicolons. The run-of-show has one item
a line: its start (HH:MM in the edition's time zone, empty to follow the previous item), its length in
minutes, its title and the slugs of its speakers. Items keep the description typed in the admin as long
as their title stays the same. The Chinese titles are in their own cell, one a line in the items' order; an
empty line leaves that item without one, and its page in Chinese shows the English title.
"""

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.dateparse import parse_datetime, parse_time
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from agenda.enums import OrganiserRole, SpeakerRole
from agenda.imports.lookups import cell_text, codes_message, match_choice, unknown_message
from agenda.models import SessionItem, SessionOrganiser, SessionSpeaker
from agenda.run_of_show import overruns

ENTRY_SEPARATORS = re.compile(r"[;,\n]+")
ENTRY = re.compile(r"^(?P<slug>[^()]*?)\s*(?:\((?P<role>[^()]*)\))?$")
MINUTES = re.compile(r"^(?P<minutes>\d+)\s*(?:m|min|mins|minutes)?$", re.IGNORECASE)
ITEM_EXAMPLE = "09:30 | 15 | Opening remarks | robin-li; zeng-yi"


@dataclass(frozen=True)
class Link:
    """One speaker or organiser of a session, as the file and the database compare them."""

    slug: str
    role: str
    target: object = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Item:
    """One run-of-show item, as the file and the database compare them (its description is kept apart)."""

    start: dt.datetime | None
    minutes: int | None
    title: str
    speakers: tuple = ()
    people: tuple = field(default=(), compare=False, repr=False)


class Kind:
    """What differs between the speakers and the organisers cells."""

    def __init__(self, *, related_name, target, lookup, roles, default_role, thing, things, role_what):
        self.related_name, self.target, self.lookup = related_name, target, lookup
        self.roles, self.default_role = roles, default_role
        self.thing, self.things, self.role_what = thing, things, role_what


SPEAKERS = Kind(
    related_name="speaker_links",
    target="person",
    lookup="person",
    roles=SpeakerRole.choices,
    default_role=SpeakerRole.SPEAKER,
    thing=gettext_lazy("person"),
    things=gettext_lazy("people"),
    role_what=gettext_lazy("speaker role"),
)
ORGANISERS = Kind(
    related_name="organiser_links",
    target="organisation",
    lookup="organisation",
    roles=OrganiserRole.choices,
    default_role=OrganiserRole.ORGANISER,
    thing=gettext_lazy("organisation"),
    things=gettext_lazy("organisations"),
    role_what=gettext_lazy("organiser role"),
)


def saved_links(session, kind):
    if session.pk is None:
        return []
    links = getattr(session, kind.related_name).all()
    return [Link(getattr(link, kind.target).slug, link.role) for link in links]


def format_links(links):
    return "; ".join(f"{link.slug} ({link.role})" for link in links)


def parse_links(text, *, kind, found, where):
    """The links a cell names, and a message for each entry that is wrong."""
    links, errors = [], []
    for entry in _entries(text):
        match = ENTRY.match(entry)
        slug, role_typed = (match["slug"].strip(), match["role"]) if match else (entry, None)
        role = match_choice(role_typed, kind.roles) if role_typed and role_typed.strip() else kind.default_role
        target = found.get(slug) or {key.lower(): obj for key, obj in found.items()}.get(slug.lower())
        if target is None:
            errors.append(unknown_message(slug, found, thing=kind.thing, things=kind.things, where=where))
        if role is None:
            errors.append(codes_message(role_typed, kind.roles, kind.role_what))
        if target is None or role is None:
            continue
        link = Link(target.slug, role, target)
        if link in links:
            errors.append(_("“%(entry)s” is listed twice.") % {"entry": f"{link.slug} ({link.role})"})
            continue
        links.append(link)
    return links, errors


def _entries(text):
    return [entry.strip() for entry in ENTRY_SEPARATORS.split(cell_text(text)) if entry.strip()]


def replace_links(session, kind, links):
    manager = getattr(session, kind.related_name)
    manager.all().delete()
    model = SessionSpeaker if kind is SPEAKERS else SessionOrganiser
    for position, link in enumerate(links, start=1):
        model.objects.create(session=session, role=link.role, position=position, **{kind.target: link.target})


def saved_items(session):
    if session.pk is None:
        return []
    return [
        Item(item.start, item.duration_minutes, item.title_en, tuple(sorted(p.slug for p in item.speakers.all())))
        for item in session.items.all()
    ]


def format_items(items, session):
    """One line an item: “09:30 | 15 | Opening remarks | robin-li; zeng-yi”."""
    if not items:
        return ""
    zone = session.edition.zone
    day = session.start.astimezone(zone).date() if session.start else None
    lines = []
    for item in items:
        start = ""
        if item.start is not None:
            local = item.start.astimezone(zone)
            start = local.strftime("%H:%M") if local.date() == day else local.strftime("%Y-%m-%d %H:%M")
        parts = [start, "" if item.minutes is None else str(item.minutes), item.title]
        if item.speakers or "|" in item.title:
            parts.append("; ".join(item.speakers))
        lines.append(" | ".join(parts).replace("|  |", "| |").strip())
    return "\n".join(lines)


def parse_items(text, *, session, people, where):
    """The items a cell holds, checked as the admin checks them, and a message for each wrong line."""
    items, errors = [], []
    lines = [line for line in cell_text(text).splitlines() if line.strip()]
    for number, line in enumerate(lines, start=1):
        raw = line.split("|")
        if len(raw) < 3:
            errors.append(
                _("Line %(number)d “%(line)s”: write an item as start | minutes | title | speakers, e.g. %(example)s.")
                % {"number": number, "line": line.strip(), "example": ITEM_EXAMPLE}
            )
            continue
        # A title may hold a bar itself: the speakers are after the last one.
        title, speakers_text = (raw[2], "") if len(raw) == 3 else ("|".join(raw[2:-1]), raw[-1])
        title = title.strip()
        problems = []
        start = _item_start(raw[0].strip(), session, problems)
        minutes = _item_minutes(raw[1].strip(), problems)
        if not title:
            problems.append(_("the title is missing."))
        speakers = []
        for slug in _entries(speakers_text):
            person = people.get(slug)
            if person is None:
                problems.append(unknown_message(slug, people, thing=_("person"), things=_("people"), where=where))
            elif person not in speakers:
                speakers.append(person)
        if not problems:
            problems.extend(_model_problems(session, title=title, start=start, minutes=minutes))
        if problems:
            label = title or line.strip()
            errors.extend(
                _("Line %(number)d (“%(title)s”): %(problem)s") % {"number": number, "title": label, "problem": problem}
                for problem in problems
            )
            continue
        slugs = tuple(sorted(person.slug for person in speakers))
        items.append(Item(start, minutes, title, slugs, tuple(speakers)))
    if not errors:
        for index, problem in overruns([(item.start, item.minutes) for item in items], session=session).items():
            errors.append(
                _("Line %(number)d (“%(title)s”): %(problem)s")
                % {"number": index + 1, "title": items[index].title, "problem": problem}
            )
    return items, errors


def _item_start(typed, session, problems):
    if not typed:
        return None
    zone = session.edition.zone if session.edition_id else dt.UTC
    moment = parse_datetime(typed.replace("/", "-"))
    if moment is None:
        time = parse_time(typed.replace(".", ":"))
        if time is None or not session.start:
            if time is None:
                problems.append(
                    _("“%(value)s” is not a time: write it like 09:30, in the edition’s time zone.") % {"value": typed}
                )
            return None
        local_start = session.start.astimezone(zone)
        moment = dt.datetime.combine(local_start.date(), time)
        runs_past_midnight = session.end and session.end.astimezone(zone).date() > local_start.date()
        if time < local_start.time() and runs_past_midnight:
            moment += dt.timedelta(days=1)  # a session that runs past midnight
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone)
    return moment


def _item_minutes(typed, problems):
    if not typed:
        return None
    match = MINUTES.match(typed)
    if match is None:
        problems.append(_("“%(value)s” is not a number of minutes.") % {"value": typed})
        return None
    return int(match["minutes"])


def _model_problems(session, *, title, start, minutes):
    """The checks of the run-of-show item itself (a start or a length, inside its session)."""
    item = SessionItem(session=session, title_en=title, start=start, duration_minutes=minutes)
    try:
        item.full_clean(exclude=["session", "position"])
    except ValidationError as error:
        return [message for messages in error.message_dict.values() for message in messages]
    return []


def saved_chinese_titles(session):
    if session.pk is None:
        return ()
    return _trimmed(item.title_zh_hans or "" for item in session.items.all())


def format_chinese_titles(titles):
    return "\n".join(titles)


def parse_chinese_titles(text, *, item_count):
    """The Chinese title of each item, by position ("" for none), and a message if there are more than items."""
    titles = _trimmed(line.strip() for line in cell_text(text).splitlines())
    if len(titles) > item_count:
        return titles, [
            _(
                "The cell has %(lines)d lines but the run-of-show %(items)d items: write one Chinese title a line, "
                "in the order of the items (an empty line for an item without one)."
            )
            % {"lines": len(titles), "items": item_count}
        ]
    return titles, []


def item_count(run_of_show_text):
    """How many items a run_of_show cell holds: one a line."""
    return sum(1 for line in cell_text(run_of_show_text).splitlines() if line.strip())


def _trimmed(titles):
    """Titles without the empty ones at the end, so that a cell and the saved items compare alike."""
    titles = list(titles)
    while titles and not titles[-1]:
        titles.pop()
    return tuple(titles)


def set_chinese_titles(session, titles):
    """The Chinese title of each item by position; items past the file's lines have none."""
    for position, item in enumerate(session.items.order_by("position")):
        title = titles[position] if position < len(titles) else ""
        if (item.title_zh_hans or "") != title:
            item.title_zh_hans = title
            item.save(update_fields=["title_zh_hans"])


def replace_items(session, items):
    """The run-of-show becomes the file's; an item whose (English) title stays keeps its description and its
    Chinese texts."""
    kept_texts = defaultdict(list)
    for item in session.items.all():
        kept_texts[item.title_en].append(
            {name: getattr(item, name) for name in ("description_en", "description_zh_hans", "title_zh_hans")}
        )
    session.items.all().delete()
    for position, item in enumerate(items, start=1):
        kept = kept_texts[item.title]
        saved = SessionItem.objects.create(
            session=session,
            position=position,
            title_en=item.title,
            start=item.start,
            duration_minutes=item.minutes,
            **(kept.pop(0) if kept else {"description_en": ""}),
        )
        if item.people:
            saved.speakers.set(item.people)
