"""Share cards: the picture a link to a session (or to a speaker without a photo) shows where it is shared.

A card is drawn (agenda.cards.drawing) from its content (agenda.cards.content: the texts in the language of the
address, the colours), and kept in the cache under a digest of that content, the language, the drawing code
and the fonts. The view in front (agenda.views.cards) is a programme page, so a request for an unchanged
programme is answered from the page cache without a query; after any programme change, a card whose own
content has not changed is read again from here rather than drawn.
"""

import functools
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language

from agenda.caching import PAGE_CACHE_SECONDS
from agenda.cards.content import SessionCard, SpeakerCard, session_card, speaker_card
from agenda.cards.drawing import HEIGHT, WIDTH, draw_session_card, draw_speaker_card
from agenda.cards.fonts import fonts_in_use

__all__ = ["HEIGHT", "WIDTH", "card_png", "session_card", "speaker_card"]

DRAWING_FILES = ("agenda/cards/*.py",)
DRAW = {SessionCard: draw_session_card, SpeakerCard: draw_speaker_card}


@functools.cache
def drawing_version():
    digest = hashlib.blake2b(digest_size=8)
    for pattern in DRAWING_FILES:
        for path in sorted(settings.BASE_DIR.glob(pattern)):
            digest.update(path.read_bytes())
    return digest.hexdigest()


def card_png(card):
    """The PNG of `card` (a SessionCard or a SpeakerCard): from the cache, or drawn and kept."""
    fonts = hashlib.blake2b(fonts_in_use().encode(), digest_size=8).hexdigest()
    key = f"share-card:{drawing_version()}:{fonts}:{get_language()}:{card.digest}"
    png = cache.get(key)
    if png is None:
        png = DRAW[type(card)](card)
        cache.set(key, png, PAGE_CACHE_SECONDS)
    return png
