"""What changed in the programme: every release of the edition, newest first."""

from django.shortcuts import render

from agenda.caching import programme_page
from agenda.releases import describe_all, grouped_by_kind
from agenda.releases.selectors import published_releases


@programme_page
def changes(request, edition):
    releases = published_releases(edition)
    for release in releases:
        release.groups = grouped_by_kind(describe_all(release.changes, zone=edition.zone))
    context = {"edition": edition, "releases": releases, "section": "agenda"}
    return render(request, "agenda/changes.html", context)
