"""Public programme pages, feeds and API answers, computed once per programme version.

Every edit to an edition's programme bumps its version (see agenda.signals), which changes the stamp
that cache keys and ETags are made of: a saved edit is visible on the next request in every process.
What the key needs about the edition comes from the cached published editions (agenda.access), so a
cached answer or a 304 to a visitor who has not signed in costs no SQL query. Each page is kept plain
and gzip-compressed, compressed once; a client that accepts gzip gets that one.

The answers are also for shared caches (a CDN, a caching proxy; see docs/deploy.md): what a visitor who
has not signed in gets is public and the same for everyone, with no `Vary: Cookie` (the address decides
the language; wicplanner.middleware.SharedCacheMiddleware leaves the session unopened). A preview, which
may show drafts, is private and never stored.
"""

import functools
import hashlib
import time

from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date
from django.utils.regex_helper import _lazy_re_compile
from django.utils.text import compress_string
from django.utils.translation import get_language

from agenda.access import get_edition, is_previewer

PAGE_CACHE_SECONDS = 24 * 3600
ACCEPTS_GZIP = _lazy_re_compile(r"\bgzip\b")  # as django.middleware.gzip reads Accept-Encoding


def programme_stamp(edition):
    """Changes whenever the edition's programme does (the timestamp keeps it unique over time)."""
    return f"{edition.pk}-{edition.programme_version}-{edition.programme_changed_at.timestamp():.6f}"


def _variant(request, edition):
    """What besides the programme a public answer depends on: its address, language and the edition's phase.

    The whole address, with scheme and host, as the API's links and the pages' sharing tags are absolute."""
    return f"{request.build_absolute_uri()}|{get_language()}|{edition.phase_at(timezone.now())}"


def programme_page(view=None, *, refresh_minutes=None, vary=None, compress=True):
    """Serve a public page or feed once per programme version, with ETag/Last-Modified and 304s.

    The view is called as view(request, edition, **kwargs) and returns an HttpResponse. Staff
    previews (which may show drafts) bypass the cache and conditional answers. Every page is kept
    apart per phase of the edition (ahead, on, past), so that its tense follows the calendar. A page
    that shows what is on now is rebuilt every `refresh_minutes` as well. A page that shows what
    changes without a programme change (seats, the registration window) passes `vary`: a callable
    taken as vary(request, edition, **kwargs) that returns a short text, which is part of the cache
    key and the ETag; it must run in a small, fixed number of queries. Such a page answers 304 on
    its ETag only: its Last-Modified (the programme's) does not change with what it varies on. An answer
    that is compressed already (a PNG) passes `compress=False`: it is kept and sent as it is.
    """
    if view is None:
        return functools.partial(programme_page, refresh_minutes=refresh_minutes, vary=vary, compress=compress)

    @functools.wraps(view)
    def wrapper(request, edition, **kwargs):
        edition = get_edition(request, edition)
        if request.method not in ("GET", "HEAD"):
            return view(request, edition, **kwargs)
        if is_previewer(request):
            response = view(request, edition, **kwargs)
            patch_cache_control(response, private=True, no_store=True)
            return response
        return cached_answer(
            request,
            edition,
            lambda: view(request, edition, **kwargs),
            refresh_minutes=refresh_minutes,
            varies_on=vary(request, edition, **kwargs) if vary is not None else None,
            compress=compress,
        )

    return wrapper


def cached_answer(request, edition, render, *, refresh_minutes=None, varies_on=None, compress=True):
    """A public GET answer kept once per programme version, address, language and phase (and `varies_on`).

    `render()` makes the answer (an HttpResponse) on a miss; any status but 200 is passed on and not kept.
    Answers 304 to a request whose validators match, before anything is read from the cache.
    """
    variant = _variant(request, edition)
    if refresh_minutes:
        variant += f"|{int(time.time() // (refresh_minutes * 60))}"
    if varies_on is not None:
        variant += f"|{varies_on}"
    validator = hashlib.sha256(f"{programme_stamp(edition)}|{variant}".encode()).hexdigest()[:32]
    gzipped = compress and _accepts_gzip(request)
    # Each encoding is a representation of its own, with its own validator (RFC 9110, 8.8.3).
    etag = f'"{validator}-gzip"' if gzipped else f'"{validator}"'
    last_modified = edition.programme_changed_at.replace(microsecond=0)
    max_age = min(60, (refresh_minutes or 1) * 60)
    not_modified = get_conditional_response(
        request, etag=etag, last_modified=None if varies_on is not None else int(last_modified.timestamp())
    )
    if not_modified is not None:
        # A shared cache refreshes what it keeps from a 304: the same validators and lifetime as the 200.
        return _public(not_modified, etag=etag, last_modified=last_modified, max_age=max_age, compress=compress)
    # Each encoding is kept under a key of its own: a hit reads (from Redis, copies) only what it sends.
    key = f"programme-page:{validator}:{'gzip' if gzipped else 'plain'}"
    cached = cache.get(key)
    if cached is None:
        response = render()
        if hasattr(response, "render") and callable(response.render):
            response.render()
        if response.status_code != 200:
            return response
        # Compressed once here, not on every request that accepts it.
        plain = (response.content, response["Content-Type"], dict(_extra_headers(response)))
        kept = {f"programme-page:{validator}:plain": plain}
        if compress:
            kept[f"programme-page:{validator}:gzip"] = (compress_string(plain[0]), *plain[1:])
        cache.set_many(kept, PAGE_CACHE_SECONDS)
        cached = kept[key]
    content, content_type, headers = cached
    response = HttpResponse(content, content_type=content_type)
    if gzipped:
        response["Content-Encoding"] = "gzip"
    for name, value in headers.items():
        response[name] = value
    return _public(response, etag=etag, last_modified=last_modified, max_age=max_age, compress=compress)


def _accepts_gzip(request):
    return bool(ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", "")))


def _public(response, *, etag, last_modified, max_age, compress=True):
    response["ETag"] = etag
    if compress:  # the one representation of an answer never compressed is the same for every client
        patch_vary_headers(response, ("Accept-Encoding",))
    response["Last-Modified"] = http_date(last_modified.timestamp())
    patch_cache_control(response, public=True, max_age=max_age)
    return response


def _extra_headers(response):
    for name in ("Content-Disposition", "Access-Control-Allow-Origin", "Refresh"):
        if response.has_header(name):
            yield name, response[name]
