from django.utils.functional import SimpleLazyObject

from agenda.models import Edition, Summit


def editions(request):
    """Published editions for the header's edition switcher, and the summit whose site this is (for the pages of
    no edition: the editions' list, an error page, the desk), each queried only if a page shows it."""
    return {
        "all_editions": SimpleLazyObject(lambda: list(Edition.objects.published().only("slug", "year", "name"))),
        "site_summit": SimpleLazyObject(_site_summit),
    }


def _site_summit():
    current = Edition.objects.published().select_related("summit").current_or_latest()
    return current.summit if current else Summit.objects.order_by("pk").first()
