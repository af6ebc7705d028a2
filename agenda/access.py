"""Who may see what on the public site.

Published editions and their public sessions are for everyone. Drafts and unpublished editions are for
people with the `agenda.preview_programme` permission: superusers, and the "Programme editors" group.
Other staff (the registration desk, check-in staff) see the site as attendees do.

Staff screens (the back office, the check-in desk) work on one edition at a time: `working_edition`.
"""

from django.shortcuts import get_object_or_404

from agenda.models import Edition

PREVIEW_PERMISSION = "agenda.preview_programme"
SESSION_KEY = "admin_edition_id"  # the edition a staff member works on, kept in their session


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


def working_edition(request):
    """The edition this staff member works on (the back office, the check-in desk): the one they last chose,
    else the current one, else the latest; None when there is no edition at all."""
    remembered = request.session.get(SESSION_KEY)
    if remembered:
        edition = Edition.objects.filter(pk=remembered).first()
        if edition is not None:
            return edition
    return Edition.objects.current_or_latest()


def remember_edition(request, edition):
    """From now on this staff member works on `edition` (until they switch again)."""
    request.session[SESSION_KEY] = edition.pk
