import datetime as dt
from itertools import groupby

from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from agenda.access import get_edition, is_previewer
from agenda.caching import programme_page
from agenda.enums import EditionPhase
from agenda.filters import AROUND_SUMMIT, AgendaFilter, without_bad_values
from agenda.fragments import fragments
from agenda.models import Room, Venue
from agenda.selectors import public_sessions
from agenda.selectors.awards import programmes_presented_at
from agenda.selectors.competitions import competitions_decided_at
from agenda.selectors.days import agenda_start_day
from agenda.selectors.grid import day_grid, grid_room_choice, in_rooms, print_tables
from agenda.selectors.outcomes import outcomes_released_at
from agenda.selectors.programme import running_and_next
from agenda.selectors.rows import load_sessions
from agenda.selectors.run_of_show import run_of_show
from agenda.views.variants import session_registration_variant
from attendees.selectors import session_registration

FILTER_FIELDS = ("kind", "topic", "room", "language", "q")


def _local_day(moment, edition):
    return moment.astimezone(edition.zone).date()


def _today(edition):
    return timezone.now().astimezone(edition.zone).date()


def _agenda_vary(request, edition):
    # While the summit is on, the agenda opens on today: a new day is a new page.
    return _today(edition).isoformat() if edition.phase == EditionPhase.ON else ""


@programme_page(vary=_agenda_vary)
def agenda(request, edition):
    preview = is_previewer(request)
    params = request.GET.copy()
    view = "grid" if request.GET.get("view") == "grid" else "list"
    room_choice = None
    if view == "grid":
        # The grid's rooms (`?room=`, repeated) choose columns rather than filter: the day still opens.
        wanted = [slug for slug in params.getlist("room") if slug]
        params.pop("room", None)
        room_choice = grid_room_choice(edition=edition, slugs=wanted)
        if wanted != room_choice.slugs:
            # One address per choice (the grid's order, each room once, no unknown room), as pages are cached
            # per address.
            query = request.GET.copy()
            query.setlist("room", room_choice.slugs)
            return redirect(f"{request.path}?{query.urlencode()}")
    # "All days" is a choice of its own, not a day the filter should try to understand.
    all_days = params.get("day") == "all"
    if all_days:
        params.pop("day")
    agenda_filter, ignored = without_bad_values(
        AgendaFilter, params, queryset=public_sessions(edition=edition, preview=preview), edition=edition
    )
    params = agenda_filter.data.copy()
    filtering = any((params.get(name) or "").strip() for name in FILTER_FIELDS)
    active_filters = sum(1 for name in FILTER_FIELDS if name != "q" and (params.get(name) or "").strip())
    # One day per page: a search or filter spans the whole summit unless a day is chosen with it.
    if not params.get("day") and not filtering and not all_days:
        start_day = agenda_start_day(
            edition=edition, sessions=public_sessions(edition=edition, preview=preview), today=_today(edition)
        )
        params["day"] = start_day.isoformat()
        agenda_filter = AgendaFilter(
            params, queryset=public_sessions(edition=edition, preview=preview), edition=edition
        )
    chosen_sessions = agenda_filter.qs
    if room_choice and room_choice.chosen:
        chosen_sessions = in_rooms(chosen_sessions, room_choice.chosen)
    loaded = load_sessions(chosen_sessions.order_by("start", "room__position", "title"), speakers=True)
    sessions = loaded.sessions
    chosen_day = params.get("day") or ""
    around = chosen_day == AROUND_SUMMIT
    # A day the filter has checked; the events around the summit are on days of their own.
    chosen_date = dt.date.fromisoformat(chosen_day) if chosen_day and not around else None
    grid = grid_cells = None
    tables = []
    by_day = []
    if view == "grid" and chosen_date:
        grid = day_grid(edition=edition, sessions=sessions)
    if grid:
        grid_cells = _grid_cells(edition, loaded, grid)
        tables = print_tables(grid)
    else:
        cards = dict(zip((s.pk for s in sessions), _list_cards(edition, loaded), strict=True))
        by_day = [
            (day, [(start, [cards[s.pk] for s in group]) for start, group in groupby(items, key=lambda s: s.start)])
            for day, items in groupby(sessions, key=lambda s: _local_day(s.start, edition))
        ]
    query = request.GET.copy()
    query.pop("day", None)
    # The list and the calendar file understand one room: a choice of several rooms stays with the grid.
    other_views = request.GET.copy()
    if room_choice and len(room_choice.chosen) != 1:
        other_views.pop("room", None)
    context = {
        "edition": edition,
        "filter": agenda_filter,
        "by_day": by_day,
        "session_count": len(sessions),
        "chosen_day": chosen_day,
        "around_summit": public_sessions(edition=edition, preview=preview).filter(is_around_summit=True).exists(),
        "chosen_date": chosen_date,
        "view": view,
        "grid": grid,
        "grid_cells": grid_cells,
        "filtering": filtering,
        "active_filters": active_filters,
        "ignored": ignored,
        "day_query": query.urlencode(),
        "view_query": _without(other_views, "view"),
        "ics_query": _without(other_views, "view"),
        "room_choice": room_choice,
        "idle_rooms": _idle_rooms(room_choice, grid),
        "all_rooms_query": _without(request.GET, "room"),
        "print_tables": tables,
        "section": "agenda",
    }
    return render(request, "agenda/agenda.html", context)


def _idle_rooms(room_choice, grid):
    """The chosen rooms with nothing on in the grid (their columns are left out)."""
    if not room_choice:
        return []
    in_grid = {column.room.pk for column in grid.columns} if grid else set()
    return [room for room in room_choice.chosen if room.pk not in in_grid]


def _fragment_page(edition):
    return f"{edition.pk}|{edition.slug}|{edition.time_zone}"


def _list_cards(edition, loaded):
    """Each session's card on the agenda list, from the cache where a session has not changed."""

    def render(missing):
        loaded.attach(missing)
        with timezone.override(edition.time_zone):
            return [
                render_to_string("agenda/includes/_agenda_session.html", {"edition": edition, "session": s.session})
                for s in missing
            ]

    page = _fragment_page(edition)
    # Rendered by the template engine, they are SafeStrings, and stay so in the cache (pickled).
    return fragments("agenda-card", loaded, key=lambda s: f"{page}|{s.digest}", render=render)


def _grid_cells(edition, loaded, grid):
    """Each cell of the grid, from the cache where its session and its place in the grid have not changed."""
    by_pk = {s.session.pk: s for s in loaded}

    def render(missing):
        with timezone.override(edition.time_zone):
            return [
                render_to_string("agenda/includes/_grid_session.html", {"edition": edition, "cell": cell})
                for cell in missing
            ]

    def key(cell):
        place = (cell.row_start, cell.row_end, cell.column_start, cell.column_end, cell.lane, cell.lanes)
        return f"{page}|{place}|{cell.continued}|{by_pk[cell.session.pk].digest}"

    page = _fragment_page(edition)
    return fragments("agenda-grid-cell", grid.cells, key=key, render=render)


def _without(querydict, name):
    query = querydict.copy()
    query.pop(name, None)
    return query.urlencode()


@programme_page(vary=session_registration_variant)
def session_detail(request, edition, slug):
    preview = is_previewer(request)
    sessions = public_sessions(edition=edition, preview=preview)
    session = get_object_or_404(sessions, slug=slug)
    context = {
        "edition": edition,
        "session": session,
        "registration": session_registration(edition=edition, session=session),
        "items": run_of_show(session),
        "speaker_links": session.speaker_links.all(),
        "organiser_links": session.organiser_links.all(),
        "award_programmes": programmes_presented_at(session),
        "outcomes": outcomes_released_at(session, preview=preview),
        "competitions_decided": competitions_decided_at(session),
        "section": "agenda",
    }
    return render(request, "agenda/session_detail.html", context)


@programme_page
def room_detail(request, edition, slug):
    room = get_object_or_404(Room.objects.select_related("venue"), venue__edition=edition, slug=slug)
    sessions = public_sessions(edition=edition, preview=is_previewer(request))
    sessions = sessions.filter(room=room) | sessions.filter(venue=room.venue_id)
    sessions = list(sessions.order_by("start"))
    by_day = [(day, list(items)) for day, items in groupby(sessions, key=lambda s: _local_day(s.start, edition))]
    return render(
        request, "agenda/room_detail.html", {"edition": edition, "room": room, "by_day": by_day, "section": "agenda"}
    )


# `?at=` years the Now page answers for: anything further off is a typo, and near the ends of the calendar
# adding a day (or converting to UTC) would overflow.
NOW_YEARS = range(1900, 9001)


def now(request, edition):
    """For screens at the venue: what runs now and next in each room; refreshes itself every minute.
    `?screen=1` is the display mode for the screens themselves.

    Outside the summit's days the page says when the summit runs or ran, with a link to the agenda.
    """
    edition = get_edition(request, edition)
    at = timezone.now()
    if request.GET.get("at"):
        value = request.GET["at"].strip()
        try:
            parsed = parse_datetime(value) if value.isprintable() else None
            if parsed is not None and parsed.year in NOW_YEARS:
                at = parsed if timezone.is_aware(parsed) else timezone.make_aware(parsed, edition.zone)
            else:
                parsed = None
        except (ValueError, OverflowError):
            parsed = None
        if parsed is None:
            message = _("“at” must be a date and time between the years 1900 and 9000, like 2024-11-20T10:00.")
            return render(request, "400.html", {"message": message, "edition": edition}, status=400)
    running, upcoming = running_and_next(edition=edition, at=at, preview=is_previewer(request))
    rooms = {}
    for session in running + upcoming:
        place = session.room or session.venue
        entry = rooms.setdefault(place, {"place": place, "now": None, "next": None})
        if session.start <= at and entry["now"] is None:
            entry["now"] = session
        elif session.start > at and entry["next"] is None:
            entry["next"] = session
    boards = sorted(rooms.values(), key=lambda entry: (getattr(entry["place"], "position", 0), str(entry["place"])))
    # `?venue=<slug>`: a screen shows the rooms of the venue it stands in.
    if request.GET.get("venue"):
        venue = get_object_or_404(Venue, edition=edition, slug=request.GET["venue"])
        boards = [board for board in boards if getattr(board["place"], "venue_id", board["place"].pk) == venue.pk]
    # `?screen=1`: the venue's displays, read from across a hall (no site navigation, large type, rooms in
    # columns); the page and its refresh keep the query, so the screen stays in this mode.
    screen = request.GET.get("screen") == "1"
    screen_query = request.GET.copy()
    screen_query["screen"] = "1"
    context = {
        "edition": edition,
        "boards": boards,
        "at": at,
        "phase": edition.phase_at(at),
        # An event around the summit (the eve, a press conference) can be on outside the summit's days.
        "something_on": bool(running),
        "section": "now",
        "screen_query": screen_query.urlencode(),
    }
    response = render(request, "agenda/now_screen.html" if screen else "agenda/now.html", context)
    response["Cache-Control"] = "public, max-age=30"
    return response
