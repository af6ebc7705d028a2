"""What changed between two snapshots, in the `changes` format of `agenda.models.Release`."""

from agenda.enums import SessionStatus

PLACE_KEYS = ("start", "end", "room_en", "room_zh_hans")
TITLE_KEYS = ("title_en", "title_zh_hans")
SPEAKER_KEYS = ("speakers_en", "speakers_zh_hans")


def _kinds(before, after):
    if before is None:
        kinds = ["added"]
        if after["status"] == SessionStatus.CANCELLED:
            kinds.append("cancelled")
        return kinds
    if after is None:
        return ["removed"]
    kinds = []
    was_cancelled = before["status"] == SessionStatus.CANCELLED
    is_cancelled = after["status"] == SessionStatus.CANCELLED
    if was_cancelled and not is_cancelled:
        kinds.append("added")  # back on the programme
    elif is_cancelled and not was_cancelled:
        kinds.append("cancelled")
    if any(before[key] != after[key] for key in PLACE_KEYS):
        kinds.append("moved")
    if any(before[key] != after[key] for key in TITLE_KEYS):
        kinds.append("renamed")
    # A new order of the same speakers is no change people need to hear of.
    if any(sorted(before[key]) != sorted(after[key]) for key in SPEAKER_KEYS):
        kinds.append("speakers")
    return kinds


def _order(change):
    after, before = change["after"], change["before"]
    return ((after or before)["start"], (before or after)["start"], change["session"])


def diff(old, new):
    """The sessions that changed from snapshot `old` to `new`, by new start, then old start; unchanged ones left out."""
    changes = []
    for key in old.keys() | new.keys():
        before, after = old.get(key), new.get(key)
        kinds = _kinds(before, after)
        if kinds:
            changes.append({"session": int(key), "kinds": kinds, "before": before, "after": after})
    return sorted(changes, key=_order)
