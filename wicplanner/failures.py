"""When the database cannot answer: a 503 with Retry-After within seconds, never a 500 after a long wait.

The database gives up quickly (connect and statement timeouts, settings/base.py); the error it raises is answered
here. A view's error reaches `DatabaseUnavailableMiddleware`; one raised by a middleware (a session, the admin's time
zone) reaches `server_error`, the site's 500 handler. The answer itself touches no database: its template is rendered
without the context processors, which would query.
"""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views import defaults

from wicplanner.i18n import language_tag

logger = logging.getLogger(__name__)

# Unreachable, dropped, timed out, cancelled, deadlocked: all pass, so the client is told to try again.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 10


def database_unavailable(request, error):
    logger.error("Database unavailable, answered 503 for %s: %s", request.path, error)
    message = _("The site is briefly unavailable. Please try again in a few seconds.")
    if request.path.startswith("/api/"):
        response = JsonResponse({"detail": message}, status=503)
    else:
        try:
            html = loader.render_to_string("503.html", {"message": message, "html_lang": language_tag(get_language())})
        except Exception:  # the page must not fail in turn: say it in plain text
            logger.exception("The 503 page could not be rendered.")
            response = HttpResponse(message, content_type="text/plain; charset=utf-8", status=503)
        else:
            response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response


class DatabaseUnavailableMiddleware:
    """Answer 503 for a view (or its template) that could not reach the database. Last in MIDDLEWARE, so it is asked
    first."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_UNAVAILABLE):
            return database_unavailable(request, exception)
        return None


def server_error(request):
    """handler500: the error being handled is the database's (raised outside a view) → 503; anything else → 500."""
    error = sys.exception()
    if isinstance(error, DATABASE_UNAVAILABLE):
        return database_unavailable(request, error)
    return defaults.server_error(request)
