"""Reads for “My agenda”: the sessions a visitor starred, named by their ids in the address (?s=3-17-42)."""

from dataclasses import dataclass, field
from itertools import groupby

from agenda.selectors.programme import public_sessions

# Far more than anyone attends; keeps a pasted address from asking for the whole database.
MAX_CHOSEN = 300
SEPARATOR = "-"


def parse_selection(value):
    """The session ids an address names, in their order: non-numbers and repeats left out, at most MAX_CHOSEN."""
    ids = []
    seen = set()
    for part in (value or "").split(SEPARATOR):
        part = part.strip()
        # isdecimal() alone accepts digits of other scripts ("٣"); ids are ASCII.
        if not (part.isascii() and part.isdecimal()) or len(part) > 18:
            continue
        number = int(part)
        if number and number not in seen:
            seen.add(number)
            ids.append(number)
        if len(ids) == MAX_CHOSEN:
            break
    return ids


def selection_value(ids):
    """The ?s= value for these ids, in one canonical order (so that the same selection has one address)."""
    return SEPARATOR.join(str(number) for number in sorted(set(ids)))


def chosen_sessions(*, edition, ids):
    """The public sessions of the edition among `ids`, in time order, with what the page and the
    calendar show loaded in advance (rooms, topics, speakers, organisers, run-of-show): a fixed number
    of queries. Drafts, other editions' sessions and unknown ids are left out; cancelled ones stay."""
    if not ids:
        return []
    sessions = public_sessions(edition=edition, preview=False).filter(pk__in=ids)
    return list(sessions.order_by("start", "end", "title", "pk"))


@dataclass
class ChosenSession:
    session: object
    overlaps: list = field(default_factory=list)


def with_overlaps(sessions):
    """Each session (sorted by start) with the others it overlaps in time. Cancelled sessions take no
    time, so they neither overlap nor are overlapped. Pure Python: no queries.

    The one rule for “these sessions clash”: My agenda and the delegate's agenda (attendees.selectors) both
    mark overlaps with it."""
    chosen = [ChosenSession(session) for session in sessions]
    for index, first in enumerate(chosen):
        if first.session.is_cancelled:
            continue
        for second in chosen[index + 1 :]:
            if second.session.start >= first.session.end:
                break  # sorted by start: no later session can overlap this one
            if second.session.is_cancelled:
                continue
            first.overlaps.append(second.session)
            second.overlaps.append(first.session)
    return chosen


def by_day(chosen, *, zone):
    """(day, [ChosenSession, …]) pairs, days in the edition's time zone."""

    def local_day(item):
        return item.session.start.astimezone(zone).date()

    return [(day, list(items)) for day, items in groupby(chosen, key=local_day)]
