"""What publishing a release now would say: the organiser's preview on the admin's “Publish a release” form."""

from dataclasses import dataclass

from .audience import affected_registration_ids
from .describe import describe_all, grouped_by_kind
from .diff import diff
from .rules import ReleaseRefused, check_changes, check_edition, refusal_message
from .selectors import previous_release
from .snapshot import snapshot


@dataclass
class ReleasePreview:
    number: int
    previous: object  # the last release, None before the first
    session_count: int
    groups: list
    change_count: int
    emailed: int
    refusal: str = ""  # why publishing now would be refused, if it would


def release_preview(edition):
    """The next release of the edition as it would be published now: four queries."""
    previous = previous_release(edition)
    current = snapshot(edition)
    changes = diff(previous.snapshot, current) if previous else []
    try:
        check_edition(edition)
        check_changes(edition=edition, previous=previous, changes=changes, session_count=len(current))
    except ReleaseRefused as refused:
        refusal = refusal_message(refused)
    else:
        refusal = ""
    return ReleasePreview(
        number=previous.number + 1 if previous else 1,
        previous=previous,
        # The public sessions, cancelled ones included, as every count of the site.
        session_count=len(current),
        groups=grouped_by_kind(describe_all(changes, zone=edition.zone)),
        change_count=len(changes),
        emailed=len(affected_registration_ids(changes)),
        refusal=refusal,
    )
