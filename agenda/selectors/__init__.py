from .clashes import ClashingSessions, clashing_sessions, room_clashes, speaker_clashes
from .programme import public_sessions, search_sessions, session_detail_queryset

__all__ = [
    "ClashingSessions",
    "clashing_sessions",
    "public_sessions",
    "room_clashes",
    "search_sessions",
    "session_detail_queryset",
    "speaker_clashes",
]
