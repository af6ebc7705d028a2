"""Per-session fragments of the agenda and the feeds, kept in the cache by a digest of what makes them.

A saved change gives the edition a new programme version, so every page and feed is rendered again
(agenda.caching); most of its sessions have not changed. Each session's piece of a page (an agenda card, a
grid cell, a feed's event) is kept under a key made of everything it is rendered from: the session's rows
(agenda.selectors.rows: the session, its room, speakers, organisers, run-of-show, in both languages), what the
page adds (the edition's address and time zone, the feed's slug and room name for it, the site's address),
the language, and the code and catalogues that render it. A changed session gets a new key and is rendered;
the others are read from the cache in one call. Nothing is invalidated by hand: an old key is just not asked
for again, and expires.
"""

import functools
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language

from agenda.caching import PAGE_CACHE_SECONDS

# What renders a fragment: a deploy that changes any of these renders every fragment afresh.
RENDERING_FILES = (
    "agenda/feeds/*.py",
    "agenda/templatetags/*.py",
    "agenda/fragments.py",
    "templates/includes/_session_card.html",
    "templates/includes/_face.html",
    "templates/agenda/includes/_agenda_session.html",
    "templates/agenda/includes/_grid_session.html",
    "templates/agenda/includes/_star.html",
    "locale/*/LC_MESSAGES/*.mo",
    "wicplanner/formats/*/*.py",
)


@functools.cache
def rendering_version():
    digest = hashlib.blake2b(digest_size=8)
    for pattern in RENDERING_FILES:
        for path in sorted(settings.BASE_DIR.glob(pattern)):
            digest.update(path.read_bytes())
    return digest.hexdigest()


def fragments(kind, items, *, key, render):
    """The fragment of each item, in order. `key(item)` is a text of everything the item's fragment is made
    of; `render(items)` renders those not in the cache (a list of fragments, in order), which are then kept."""
    prefix = f"fragment:{kind}:{rendering_version()}:{get_language()}:"
    keys = [prefix + hashlib.blake2b(key(item).encode(), digest_size=16).hexdigest() for item in items]
    found = cache.get_many(keys)
    missing = {k: item for k, item in zip(keys, items, strict=True) if k not in found}
    if missing:
        made = dict(zip(missing, render(list(missing.values())), strict=True))
        cache.set_many(made, PAGE_CACHE_SECONDS)
        found.update(made)
    return [found[k] for k in keys]
