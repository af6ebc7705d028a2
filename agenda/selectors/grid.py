"""The agenda grid: rooms across, time down, each session placed on a 5-minute row grid.

Sessions that overlap in the same room (a clash the admin warns about but allows while a programme
settles) are drawn side by side in lanes instead of on top of each other.
"""

import datetime as dt
import heapq
import math
from collections import defaultdict
from dataclasses import dataclass, field, replace

from django.db.models import Q

from agenda.models import Room

SLOT_MINUTES = 5


@dataclass
class GridColumn:
    room: object
    index: int
    lanes: int = 1  # the most lanes a clash in this room needs: the column is drawn that much wider


@dataclass
class GridCell:
    session: object
    row_start: int
    row_end: int
    column_start: int
    column_end: int
    lane: int = 0  # which of the `lanes` side-by-side strips of its grid area the cell takes
    lanes: int = 1  # how many strips its clash (connected group of overlapping sessions) needs
    continued: bool = False  # a later piece of a whole-venue session cut around a clash

    @property
    def short(self):
        """Too short (25 minutes or less) for its times and title on lines of their own: they share them."""
        return self.row_end - self.row_start <= 5

    @property
    def title_lines(self):
        """How many lines of its title fit under its times, so that a long title ends in an ellipsis between
        lines rather than cut through one. In rem, from static/css/site.css: a row is .55rem; the cell's margins
        and padding take .625rem (.525rem in a clash, whose note below the title takes 1.04rem), its times' line
        .84rem and each line of the title .96rem."""
        fixed = 0.625 + 0.84 if self.lanes == 1 else 0.525 + 0.84 + 1.04
        return max(1, int(((self.row_end - self.row_start) * 0.55 - fixed) / 0.96))


@dataclass
class Grid:
    columns: list
    cells: list
    times: list = field(default_factory=list)
    rows: int = 0

    @property
    def has_lanes(self):
        return any(column.lanes > 1 for column in self.columns)

    @property
    def has_sample(self):
        return any(cell.session.is_sample for cell in self.cells)


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
    cells = _cut_at_clashes(cells)
    _assign_lanes(cells)
    for cell in cells:  # a column is drawn wide enough for the lanes its clashes need
        need = math.ceil(cell.lanes / (cell.column_end - cell.column_start))
        for column in columns[cell.column_start - 2 : cell.column_end - 2]:
            column.lanes = max(column.lanes, need)
    times, moment = [], first
    while moment < last:
        times.append((row(moment), moment))
        moment += dt.timedelta(minutes=30)
    return Grid(columns=columns or [], cells=cells, times=times, rows=row(last))


def _overlap_groups(items, rows):
    """Connected groups of items whose [start, end) rows overlap; `items` in start order, `rows(item)` gives
    (start, end)."""
    group, reach = [], None
    for item in items:
        start, end = rows(item)
        if group and start >= reach:
            yield group
            group = []
        reach = end if not group else max(reach, end)
        group.append(item)
    if group:
        yield group


def _cut_at_clashes(cells):
    """Cut cells spanning several columns (whole-venue sessions) wherever what they overlap changes.

    A grid item's lane is a fraction of its own grid area, so side-by-side lanes only line up when the
    clashing cells cover the same columns. After the cut they do: a whole-venue break that overlaps a
    running sub-forum takes a lane in that room's column and stays one wide cell over the other rooms.
    """
    by_column = defaultdict(list)
    for n, cell in enumerate(cells):
        for column in range(cell.column_start, cell.column_end):
            by_column[column].append(n)
    group_of = {}
    for column, members in by_column.items():
        members.sort(key=lambda n: cells[n].row_start)
        for group in _overlap_groups(members, lambda n: (cells[n].row_start, cells[n].row_end)):
            key = frozenset(group)
            for n in group:
                group_of[n, column] = key
    pieces = []
    for n, cell in enumerate(cells):
        if cell.column_end - cell.column_start == 1:
            pieces.append(cell)
            continue
        start = cell.column_start
        for column in range(start + 1, cell.column_end + 1):
            if column == cell.column_end or group_of[n, column] != group_of[n, start]:
                pieces.append(replace(cell, column_start=start, column_end=column, continued=start > cell.column_start))
                start = column
    return pieces


def _assign_lanes(cells):
    """Give overlapping cells over the same columns the smallest free lane, in start order."""
    by_columns = defaultdict(list)
    for cell in cells:
        by_columns[cell.column_start, cell.column_end].append(cell)
    for same_columns in by_columns.values():
        same_columns.sort(key=lambda cell: cell.row_start)
        for group in _overlap_groups(same_columns, lambda cell: (cell.row_start, cell.row_end)):
            if len(group) == 1:
                continue
            running, free, lanes = [], [], 0  # running: heap of (row_end, lane)
            for cell in group:
                while running and running[0][0] <= cell.row_start:
                    heapq.heappush(free, heapq.heappop(running)[1])
                if free:
                    cell.lane = heapq.heappop(free)
                else:
                    cell.lane, lanes = lanes, lanes + 1
                heapq.heappush(running, (cell.row_end, cell.lane))
            for cell in group:
                cell.lanes = lanes


@dataclass
class RoomChoice:
    """The rooms a visitor chose to see in the grid (`?room=<slug>`, repeated), out of the edition's rooms."""

    rooms: list  # every room of the edition, in the grid's order
    chosen: list  # those chosen, in the same order; empty when the grid shows every room

    @property
    def slugs(self):
        """The chosen rooms' slugs in their one address form: the grid's order, each once."""
        return list(dict.fromkeys(room.slug for room in self.chosen))

    @property
    def chosen_pks(self):
        return {room.pk for room in self.chosen}


def grid_room_choice(*, edition, slugs):
    """The rooms of `edition` named by `slugs`; unknown slugs are ignored, and choosing every room is no choice."""
    rooms = list(Room.objects.filter(venue__edition=edition).order_by("position", "name", "pk"))
    wanted = set(slugs)
    chosen = [room for room in rooms if room.slug in wanted]
    return RoomChoice(rooms=rooms, chosen=[] if len(chosen) == len(rooms) else chosen)


def in_rooms(sessions, rooms):
    """The sessions held in `rooms`, with those over the whole of their venues or of the summit (shown across
    the rooms' columns)."""
    venues = {room.venue_id for room in rooms}
    return sessions.filter(
        Q(room__in=rooms) | Q(room__isnull=True, venue__in=venues) | Q(room__isnull=True, venue__isnull=True)
    )


@dataclass
class PrintTable:
    columns: list  # GridColumns
    rows: list  # (start, [[session, …] for each column])
    first: int  # the first column's number among the day's rooms, from 1

    @property
    def last(self):
        return self.first + len(self.columns) - 1


def print_tables(grid, *, rooms_per_table=6):
    """The grid as tables of a few rooms each, for paper: a row per start time, each room's sessions that start
    then in its cell. A table's head (the room names) repeats at the top of every page it runs over."""
    tables = []
    for first in range(0, len(grid.columns), rooms_per_table):
        columns = grid.columns[first : first + rooms_per_table]
        indexes = [column.index for column in columns]
        rows = {}
        for cell in grid.cells:
            for n, index in enumerate(indexes):
                if cell.column_start <= index < cell.column_end:
                    rows.setdefault(cell.session.start, [[] for _ in indexes])[n].append(cell.session)
        tables.append(PrintTable(columns=columns, rows=sorted(rows.items(), key=lambda row: row[0]), first=first + 1))
    return tables
