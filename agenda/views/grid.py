"""The agenda grid: rooms across, time down, each session placed on a 5-minute row grid."""

import datetime as dt
from dataclasses import dataclass, field

SLOT_MINUTES = 5


@dataclass
class GridColumn:
    room: object
    index: int


@dataclass
class GridCell:
    session: object
    row_start: int
    row_end: int
    column_start: int
    column_end: int


@dataclass
class Grid:
    columns: list
    cells: list
    times: list = field(default_factory=list)
    rows: int = 0


def day_grid(*, edition, sessions):
    """Lay out one day's sessions; whole-venue sessions span the columns of their venue's rooms."""
    if not sessions:
        return None
    rooms = sorted(
        {s.room for s in sessions if s.room_id},
        key=lambda room: (room.position, room.name),
    )
    columns = [GridColumn(room=room, index=n + 2) for n, room in enumerate(rooms)]
    column_of = {column.room.pk: column.index for column in columns}
    venue_span = {}
    for column in columns:
        first, last = venue_span.get(column.room.venue_id, (column.index, column.index))
        venue_span[column.room.venue_id] = (min(first, column.index), max(last, column.index))
    zone = edition.zone
    first = min(s.start for s in sessions).astimezone(zone)
    first = first.replace(minute=first.minute - first.minute % 30, second=0, microsecond=0)
    last = max(s.end for s in sessions).astimezone(zone)

    def row(moment):
        return int((moment.astimezone(zone) - first).total_seconds() // (SLOT_MINUTES * 60)) + 2

    cells = []
    for session in sessions:
        if session.room_id:
            span = (column_of[session.room_id], column_of[session.room_id] + 1)
        elif session.venue_id and session.venue_id in venue_span:
            start_col, end_col = venue_span[session.venue_id]
            span = (start_col, end_col + 1)
        else:
            span = (2, len(columns) + 2 if columns else 3)
        cells.append(GridCell(session, row(session.start), max(row(session.end), row(session.start) + 1), *span))
    times, moment = [], first
    while moment < last:
        times.append((row(moment), moment))
        moment += dt.timedelta(minutes=30)
    return Grid(columns=columns or [], cells=cells, times=times, rows=row(last))
