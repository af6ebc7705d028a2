"""Who may see what on the public site.

Published editions and their public sessions are for everyone. Drafts and unpublished editions are for
people with the `agenda.preview_programme` permission: superusers, and the "Programme editors" group.
Other staff (the registration desk, check-in staff) see the site as attendees do.

Staff screens (the back office, the check-in desk) work on one edition at a time: `working_edition`.
"""

import functools
import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404

from agenda.models import Edition
from agenda.selectors.outcomes import with_outcome_flag

PREVIEW_PERMISSION = "agenda.preview_programme"
SESSION_KEY = "admin_edition_id"  # the edition a staff member works on, kept in their session


def can_preview(user):
    """Whether `user` may see drafts and unpublished editions; fits `user_passes_test(can_preview)`."""
    return user.is_authenticated and user.has_perm(PREVIEW_PERMISSION)


def is_previewer(request):
    return can_preview(request.user)


def get_edition(request, slug):
    """The edition at /<slug>/, or a 404 when it is unknown or unpublished and the user may not preview.

    What someone who may not preview reads (GET, HEAD) comes from `published_editions()`, with no query.
    """
    if not is_previewer(request):
        if request.method in ("GET", "HEAD"):
            edition = published_editions().get(slug)
            if edition is None:
                raise Http404("No edition at this address.")
            return edition
        return get_object_or_404(with_outcome_flag(Edition.objects.select_related("summit").published()), slug=slug)
    return get_object_or_404(with_outcome_flag(Edition.objects.select_related("summit")), slug=slug)


# The published editions (with their summit) by slug, kept in the cache with the generation they were read in.
# Every change to an edition, its summit or its programme sets a new generation (`published_editions_changed`),
# now and again after its transaction commits: a copy read before the change, even one stored after it, is
# of an older generation and is read again. A cache of each process's own (locmem, in development) cannot
# see another process's change: its copy is kept for LOCAL_CACHE_SECONDS only.
PUBLISHED_EDITIONS_KEY = "agenda:published-editions"  # + the models' fields: a deploy that adds one reads afresh
GENERATION_KEY = "agenda:published-editions-generation"
SHARED_CACHE_SECONDS = 24 * 3600
LOCAL_CACHE_SECONDS = 2


def published_editions():
    """The published editions by slug: one cache read, and one query when the cache has no current copy."""
    key = published_editions_key()
    found = cache.get_many([GENERATION_KEY, key])
    generation, kept = found.get(GENERATION_KEY), found.get(key)
    if generation is not None and kept is not None and kept[0] == generation:
        return kept[1]
    if generation is None:
        generation = _new_generation()
        cache.add(GENERATION_KEY, generation, SHARED_CACHE_SECONDS)
        generation = cache.get(GENERATION_KEY, generation)
    published = with_outcome_flag(Edition.objects.published().select_related("summit"))
    editions = {edition.slug: edition for edition in published}
    cache.set(key, (generation, editions), _seconds())
    return editions


def published_editions_changed():
    """An edition, its summit or its programme changed: every process reads the published editions again."""
    cache.set(GENERATION_KEY, _new_generation(), SHARED_CACHE_SECONDS)
    transaction.on_commit(lambda: cache.set(GENERATION_KEY, _new_generation(), SHARED_CACHE_SECONDS))


@functools.cache
def published_editions_key():
    fields = [
        field.attname
        for model in (Edition, Edition.summit.field.related_model)
        for field in model._meta.concrete_fields
    ]
    fields.append("has_outcomes")  # annotated: whether the edition's menu links to its outcomes
    return f"{PUBLISHED_EDITIONS_KEY}:{hashlib.sha256(' '.join(fields).encode()).hexdigest()[:12]}"


def _new_generation():
    return time.time_ns()


def _seconds():
    backend = settings.CACHES["default"]["BACKEND"]
    return LOCAL_CACHE_SECONDS if backend.endswith("LocMemCache") else SHARED_CACHE_SECONDS


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
