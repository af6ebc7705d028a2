from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

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
