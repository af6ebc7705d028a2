"""Who may see what on the public site.

Published editions and their public sessions are for everyone. Drafts and unpublished editions are for
people with the `agenda.preview_programme` permission: superusers, and the "Programme editors" group.
Other staff (the registration desk, check-in staff) see the site as attendees do.
"""

from django.shortcuts import get_object_or_404

from agenda.models import Edition

PREVIEW_PERMISSION = "agenda.preview_programme"


def can_preview(user):
    """Whether `user` may see drafts and unpublished editions; fits `user_passes_test(can_preview)`."""
    return user.is_authenticated and user.has_perm(PREVIEW_PERMISSION)


def is_previewer(request):
    return can_preview(request.user)


def get_edition(request, slug):
    """The edition at /<slug>/, or a 404 when it is unknown or unpublished and the user may not preview."""
    editions = Edition.objects.select_related("summit")
    if not is_previewer(request):
        editions = editions.published()
    return get_object_or_404(editions, slug=slug)
