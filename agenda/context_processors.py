from django.utils.functional import SimpleLazyObject

from agenda.models import Edition


def editions(request):
    """Published editions for the header's edition switcher, queried only if a page shows it."""
    return {"all_editions": SimpleLazyObject(lambda: list(Edition.objects.published().only("slug", "year", "name")))}
