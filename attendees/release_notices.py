"""The email that tells a delegate of a programme release, sent from the outbox (see publish_release)."""

from agenda.models import Release
from agenda.releases.audience import changes_for
from agenda.services import PROGRAMME_CHANGES_EMAIL
from attendees.emails import send_programme_changes
from attendees.outbox import sender


@sender(PROGRAMME_CHANGES_EMAIL)
def send_release_notice(registration, payload):
    """One email with every change of the release to the sessions the delegate holds a place in, as they are now.

    A delegate who has since cancelled, or given up those places, is not written to.
    """
    if not registration.is_active:
        return
    # Its note in both languages and its changes; not the snapshot of the whole programme, once per email.
    release = Release.objects.defer("snapshot").get(pk=payload["release"])
    changes = changes_for(registration, release.changes)
    if changes:
        send_programme_changes(registration, release, changes)
