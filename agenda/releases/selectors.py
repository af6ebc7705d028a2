"""Reads of releases for the public pages and the feeds, each in one or two queries."""

import datetime as dt

from django.utils import timezone

from agenda.models import Release

# How long the edition home says “programme updated” after a release.
NOTICE_DAYS = 3


def latest_release_number(edition):
    """The number of the edition's last release, None before the first: one query."""
    return Release.objects.filter(edition=edition).order_by("-number").values_list("number", flat=True).first()


def previous_release(edition):
    return Release.objects.filter(edition=edition).order_by("-number").first()


def published_releases(edition):
    """The edition's releases, newest first, with the size of the first published programme: two queries.

    The snapshots (every session, each time) stay in the database but the first one's, which gives its count.
    """
    releases = list(Release.objects.filter(edition=edition).defer("snapshot").order_by("-number"))
    baseline = next((release for release in releases if release.number == 1), None)
    if baseline is not None:
        snapshot = Release.objects.filter(pk=baseline.pk).values_list("snapshot", flat=True).get()
        baseline.session_count = sum(1 for entry in snapshot.values() if entry["status"] != "cancelled")
    return releases


def recent_release(edition, *, now):
    """The release the edition home tells of: the last one, if it is not the first and is under NOTICE_DAYS old."""
    latest = Release.objects.filter(edition=edition).defer("snapshot", "changes").order_by("-number").first()
    if latest is None or latest.number == 1 or latest.published_at < now - dt.timedelta(days=NOTICE_DAYS):
        return None
    return latest


def notice_variant(request, edition, **kwargs):
    """For programme_page's `vary`: the number of the release the home tells of, if any (one query)."""
    release = recent_release(edition, now=timezone.now())
    return f"release-{release.number}" if release else "no-release"
