"""When a release may be published: the preview warns of these, the admin's form checks the cheap ones, and
`publish_release` checks them all again under its lock, where two organisers publishing at once are told apart.

Each check raises `ReleaseRefused` (a ValidationError) with a message an organiser can act on.
"""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _


class ReleaseRefused(ValidationError):
    pass


def _when(release, edition):
    return date_format(timezone.localtime(release.published_at, edition.zone), "SHORT_WEEKDAY_DATETIME_FORMAT")


def check_edition(edition):
    """Only a published edition's programme is released: an unpublished one has no public page to tell of it."""
    if not edition.is_published:
        raise ReleaseRefused(
            _(
                "%(edition)s is not published: attendees cannot see its programme or its changes yet. "
                "Publish the edition first."
            ),
            code="edition_unpublished",
            params={"edition": edition.name},
        )


def check_basis(*, edition, previous, compared_with, by=None):
    """The organiser saw a preview comparing with release `compared_with` (0: before the first one). Refused when
    another release has been published since (by a colleague, or by a form sent twice): what they checked is no
    longer what would be published. None skips the check (a script publishing with no preview)."""
    number = previous.number if previous is not None else 0
    if compared_with is None or compared_with == number:
        return
    params = {"number": number, "when": _when(previous, edition) if previous else ""}
    if previous is None or compared_with > number:
        message = _("The releases of this edition have changed since the preview was shown: nothing was published.")
    elif by is not None and previous.published_by_id == by.pk:
        message = _(
            "You published release %(number)s at %(when)s, after this preview was shown: nothing more was "
            "published. The preview below now compares with release %(number)s."
        )
    elif previous.published_by is not None:
        params["name"] = previous.published_by.get_full_name() or previous.published_by.get_username()
        message = _(
            "%(name)s published release %(number)s at %(when)s, after this preview was shown: nothing more was "
            "published. The preview below now compares with release %(number)s."
        )
    else:
        message = _(
            "Release %(number)s was published at %(when)s, after this preview was shown: nothing more was "
            "published. The preview below now compares with release %(number)s."
        )
    raise ReleaseRefused(message, code="release_since", params=params)


def check_changes(*, edition, previous, changes, session_count):
    """A release tells of changes: one that changes nothing would announce “programme updated” for nothing."""
    if previous is None and not session_count:
        raise ReleaseRefused(
            _("%(edition)s has no published session yet: publish sessions before its first release."),
            code="nothing_to_publish",
            params={"edition": edition.name},
        )
    if previous is not None and not changes:
        raise ReleaseRefused(
            _(
                "Nothing in the public programme has changed since release %(number)s (%(when)s): "
                "there is nothing to publish."
            ),
            code="nothing_changed",
            params={"number": previous.number, "when": _when(previous, edition)},
        )


def refusal_message(error):
    """The message of a ValidationError, its parameters filled in."""
    return " ".join(error.messages)
