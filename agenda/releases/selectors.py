"""Reads of releases for the public pages and the feeds, each in one or two queries."""

import datetime as dt

from django.core.cache import cache
from django.utils import timezone

from agenda.caching import PAGE_CACHE_SECONDS, programme_stamp
from agenda.models import Release

# How long the edition home says “programme updated” after a release.
NOTICE_DAYS = 3


def latest_release_number(edition):
    """The number of the edition's last release, None before the first: one query."""
    return Release.objects.filter(edition=edition).order_by("-number").values_list("number", flat=True).first()


def previous_release(edition):
    """The edition's last release, snapshot and publisher included, None before the first: one query."""
    return Release.objects.filter(edition=edition).select_related("published_by").order_by("-number").first()


def last_release_published(edition):
    """The edition's last release without its snapshot and changes, publisher included: one query."""
    releases = Release.objects.filter(edition=edition).defer("snapshot", "changes").select_related("published_by")
    return releases.order_by("-number").first()


def published_releases(edition):
    """The edition's releases, newest first, with the size of the first published programme: two queries.

    The snapshots (every session, each time) stay in the database but the first one's, which gives its count.
    """
    releases = list(Release.objects.filter(edition=edition).defer("snapshot").order_by("-number"))
    baseline = next((release for release in releases if release.number == 1), None)
    if baseline is not None:
        snapshot = Release.objects.filter(pk=baseline.pk).values_list("snapshot", flat=True).get()
        # The public sessions, cancelled ones included, as every count of the site.
        baseline.session_count = len(snapshot)
    return releases


def recent_release(edition, *, now):
    """The release the edition home tells of: the last one, if it is not the first and is under NOTICE_DAYS old."""
    latest = Release.objects.filter(edition=edition).defer("snapshot", "changes").order_by("-number").first()
    if latest is None or latest.number == 1 or latest.published_at < now - dt.timedelta(days=NOTICE_DAYS):
        return None
    return latest


def notice_variant(request, edition, **kwargs):
    """For programme_page's `vary`: the number of the release the home tells of, if any.

    No query once the programme version is known: the last release's number and time are kept per version
    (a release bumps it), and only compared with the clock here, so the notice goes when its days are over.
    """
    key = f"release-notice:{programme_stamp(edition)}"
    latest = cache.get(key)
    if latest is None:
        found = Release.objects.filter(edition=edition).order_by("-number").values_list("number", "published_at")
        latest = found.first() or (0, None)
        cache.set(key, latest, PAGE_CACHE_SECONDS)
    number, published_at = latest
    if number > 1 and published_at >= timezone.now() - dt.timedelta(days=NOTICE_DAYS):
        return f"release-{number}"
    return "no-release"
