from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from agenda.access import can_preview

# PostgreSQL refuses NUL in any text it is given; no address of the site has a use for it.
REFUSED_CHARACTERS = ("\x00",)


def _refused(text):
    return any(character in text for character in REFUSED_CHARACTERS)


class RefuseUnsafeQueryMiddleware:
    """Answer 400 for an address whose path or query string holds a character the database refuses.

    Checked once here, rather than in every view, filter and form that passes a parameter to a query.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _refused(request.path) or any(
            _refused(name) or any(_refused(value) for value in values) for name, values in request.GET.lists()
        ):
            return bad_address(request)
        return self.get_response(request)


def bad_address(request):
    message = _("Bad request: the address contains characters that are not allowed.")
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": message}, status=400)
    return render(request, "400.html", {"message": message}, status=400)


# Public answers that set no cache policy of their own: what a shared cache may keep, and for how long.
SHARED_CACHE_VIEWS = {"sitemap", "robots", "agenda:home", "agenda:edition_list", "attendees:privacy"}
SHARED_CACHE_NAMESPACES = {"api"}
SHARED_CACHE_SECONDS = 60


class SharedCacheMiddleware:
    """Public pages as a shared cache (a CDN, a caching proxy) may keep them; see docs/deploy.md.

    - Nobody is signed in without a session cookie, so such a request is anonymous without opening the
      session: opening it (as `request.user` would) makes SessionMiddleware mark the answer
      `Vary: Cookie`, which keeps shared caches from storing it. What these visitors get is the same for
      everyone: the public answers with no cache policy of their own (the API, the sitemap …) may be kept
      a minute, as the programme pages are (agenda.caching).
    - An answer to a request with a session cookie is never public: shared caches pass such requests to
      the app, and SessionMiddleware may set or clear the cookie. What someone who may preview drafts is
      shown is not stored anywhere (no-store).
    - An answer that sets a cookie (a CSRF token in a form, a message) is never public either.

    Placed after AuthenticationMiddleware, whose lazy user it replaces, and before MessageMiddleware, whose
    cookie it sees; the CSRF cookie is set later, when CSRF_COOKIE_NEEDS_UPDATE says so.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session_cookie = settings.SESSION_COOKIE_NAME in request.COOKIES
        if not session_cookie:
            request.user = AnonymousUser()
            request.auser = _anonymous
        response = self.get_response(request)
        if request.method not in ("GET", "HEAD") or _is_asset(request.path_info):
            return response
        # patch_cache_control drops "public" when it adds "private".
        if session_cookie:
            patch_cache_control(response, private=True, **({"no_store": True} if can_preview(request.user) else {}))
        elif response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
            patch_cache_control(response, private=True)
        elif response.status_code == 200 and not response.has_header("Cache-Control") and _shared(request):
            patch_cache_control(response, public=True, max_age=SHARED_CACHE_SECONDS)
        return response


async def _anonymous():
    return AnonymousUser()


def _is_asset(path):
    return path.startswith((settings.STATIC_URL, settings.MEDIA_URL))


def _shared(request):
    match = request.resolver_match
    return match is not None and (
        match.view_name in SHARED_CACHE_VIEWS or bool(SHARED_CACHE_NAMESPACES & set(match.namespaces))
    )
