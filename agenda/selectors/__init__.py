from .clashes import ClashingSessions, clashing_sessions, room_clashes, speaker_clashes
from .programme import (
    public_sessions,
    search_sessions,
    session_total,
    visible_sessions,
    with_session_totals,
)

__all__ = [
    "ClashingSessions",
    "clashing_sessions",
    "public_sessions",
    "room_clashes",
    "search_sessions",
    "session_total",
    "speaker_clashes",
    "visible_sessions",
    "with_session_totals",
]
