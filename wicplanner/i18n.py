"""Which language an answer is in, and the address of the same page in each language.

A public page's language is decided by its address alone: English at the address without a prefix,
Chinese under /zh-hans/. No cookie or Accept-Language header moves a visitor from one to the other,
so every page can be cached as it is. Feeds and the API also take `?lang=zh-hans`, for apps that
cannot change the path. The back office (/admin/) follows the organiser's choice (cookie, browser).
"""

from collections import namedtuple

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.encoding import escape_uri_path

LANGUAGE_PARAMETER = "lang"
# Views that also take ?lang=: the feeds (their apps are given one address) and the whole API.
LANGUAGE_PARAMETER_VIEWS = {"agenda:schedule_ics", "agenda:session_ics", "agenda:schedule_xml", "agenda:schedule_json"}
LANGUAGE_PARAMETER_NAMESPACES = {"api"}
BACK_OFFICE_PREFIX = "/admin/"

LanguageLink = namedtuple("LanguageLink", "code name short_name tag address absolute is_current")
# What the switcher says where space is short (a phone's header): each in its own language.
SHORT_LANGUAGE_NAMES = {"en": "EN", "zh-hans": "中文"}


def language_tag(code):
    """The BCP 47 tag for a Django language code, as HTML's lang and hreflang expect (zh-hans → zh-Hans)."""
    language, _, script = code.partition("-")
    return f"{language}-{script.title()}" if len(script) == 4 else code


def requested_language(value):
    """The supported language named by a ?lang= value (any case, - or _), or None."""
    value = (value or "")[:16].strip().lower().replace("_", "-")
    return value if value in dict(settings.LANGUAGES) else None


def _prefixed_languages():
    return [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def unprefixed_path(path):
    """A path without its language prefix (/zh-hans/2024/ → /2024/)."""
    for code in _prefixed_languages():
        if path == f"/{code}" or path.startswith(f"/{code}/"):
            return path[len(code) + 1 :] or "/"
    return path


def path_in_language(path, language):
    """The same path in another language: no prefix for the default language, /<code>/ for the others."""
    path = unprefixed_path(path)
    return path if language == settings.LANGUAGE_CODE else f"/{language}{path}"


def _takes_language_parameter(match):
    return match.view_name in LANGUAGE_PARAMETER_VIEWS or bool(LANGUAGE_PARAMETER_NAMESPACES & set(match.namespaces))


class LanguageMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware (the address's prefix decides), plus ?lang= for feeds and the API."""

    def process_request(self, request):
        super().process_request(request)
        if request.path_info.startswith(BACK_OFFICE_PREFIX):
            self._activate(request, translation.get_language_from_request(request, check_path=False))

    def process_view(self, request, view, args, kwargs):
        # After the address is resolved (in the language of its prefix), before the view builds its cache key.
        if LANGUAGE_PARAMETER in request.GET and _takes_language_parameter(request.resolver_match):
            self._activate(request, requested_language(request.GET[LANGUAGE_PARAMETER]))

    @staticmethod
    def _activate(request, language):
        if language:
            translation.activate(language)
            request.LANGUAGE_CODE = translation.get_language()

    def process_response(self, request, response):
        # Django's adds "Vary: Accept-Language" to unprefixed addresses; here only the back office varies so.
        if request.path_info.startswith(BACK_OFFICE_PREFIX):
            patch_vary_headers(response, ("Accept-Language", "Cookie"))
        response.headers.setdefault("Content-Language", translation.get_language())
        return response


def language_links(request):
    """Template context: the page's language tag and its address in every language (switcher, hreflang)."""
    current = translation.get_language()
    script_name = request.path[: len(request.path) - len(request.path_info)] if request.path_info else ""
    # The same parameters, written as a browser's address bar shows them (an @ stays an @).
    query = request.GET.urlencode(safe="/:@")
    query = f"?{query}" if query else ""
    links = []
    for code, name in settings.LANGUAGES:
        address = escape_uri_path(script_name + path_in_language(request.path_info, code)) + query
        absolute = settings.SITE_URL + address
        short_name = SHORT_LANGUAGE_NAMES.get(code, name)
        links.append(
            LanguageLink(code, name, short_name, language_tag(code), address, absolute, is_current=code == current)
        )
    default = next(link for link in links if link.code == settings.LANGUAGE_CODE)
    return {
        "html_lang": language_tag(current),
        "language_links": links,
        "other_languages": [link for link in links if not link.is_current],
        "default_language_link": default,
    }
