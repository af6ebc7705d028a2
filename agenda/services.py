"""Changes to the programme that span rows; the admin and commands go through these."""

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify

from agenda.access import published_editions_changed
from agenda.enums import SessionStatus
from agenda.images import PictureFiles, picture_store
from agenda.models import Edition, ExhibitPicture, Release, Session, SessionItem, SessionOrganiser, SessionSpeaker
from agenda.releases import diff, snapshot
from agenda.releases.audience import affected_registration_ids
from agenda.releases.rules import check_basis, check_changes, check_edition
from agenda.releases.selectors import previous_release
from attendees.outbox import enqueue_many
from attendees.services import session_seats_changed


def programme_changed(*, edition_id: int) -> None:
    """Mark the edition's programme as changed so cached pages and feeds are rebuilt."""
    Edition.objects.filter(pk=edition_id).update(
        programme_version=F("programme_version") + 1, programme_changed_at=timezone.now()
    )
    published_editions_changed()


def all_programmes_changed() -> None:
    """Editions are listed on every page (the edition switcher): a change to one rebuilds all."""
    Edition.objects.update(programme_version=F("programme_version") + 1, programme_changed_at=timezone.now())
    published_editions_changed()


# The history reason of a status set on many sessions at once: the admin's log has no entry for it.
BULK_STATUS_REASON = "status set in bulk"


def sessions_set_status(*, sessions, status: str) -> int:
    """Publish, unpublish (back to draft) or cancel many sessions at once; returns how many changed.

    Seats follow under the registration locks: a cancelled session frees its places and tells its delegates.
    """
    if status not in SessionStatus.values:
        raise ValueError(f"Unknown status {status!r}")
    with transaction.atomic():
        # Locked in the order registration locks them, so the two never wait on each other.
        changing = list(
            Session.objects.select_for_update()
            .filter(pk__in=[s.pk for s in sessions])
            .exclude(status=status)
            .order_by("pk")
            .values_list("pk", "edition_id")
        )
        ids = [pk for pk, _edition_id in changing]
        count = Session.objects.filter(pk__in=ids).update(status=status, updated_at=timezone.now())
        # A queryset update sends no signal: the sessions' history is written here, with who did it.
        Session.revisions.bulk_history_create(
            Session.objects.filter(pk__in=ids), update=True, default_change_reason=BULK_STATUS_REASON
        )
        for edition_id in {edition_id for _pk, edition_id in changing}:
            programme_changed(edition_id=edition_id)
        session_seats_changed(session_ids=ids)
        return count


def _free_slug(*, edition_id: int, base: str) -> str:
    base = slugify(base)[:100] or "session"
    taken = set(Session.objects.filter(edition_id=edition_id, slug__startswith=base).values_list("slug", flat=True))
    candidate, n = f"{base}-copy", 2
    while candidate in taken:
        candidate, n = f"{base}-copy-{n}", n + 1
    return candidate


@transaction.atomic
def session_duplicate(*, session: Session) -> Session:
    """Copy a session with its speakers, organisers and run-of-show, as a draft with a free slug."""
    items = list(session.items.prefetch_related("speakers"))
    speakers = list(session.speaker_links.all())
    organisers = list(session.organiser_links.all())
    copy = Session.objects.get(pk=session.pk)
    copy.pk = None
    copy.slug = _free_slug(edition_id=session.edition_id, base=session.slug)
    copy.status = SessionStatus.DRAFT
    copy.full_clean()
    copy.save()
    SessionSpeaker.objects.bulk_create(
        SessionSpeaker(session=copy, person_id=s.person_id, role=s.role, position=s.position) for s in speakers
    )
    SessionOrganiser.objects.bulk_create(
        SessionOrganiser(session=copy, organisation_id=o.organisation_id, role=o.role, position=o.position)
        for o in organisers
    )
    for item in items:
        new_item = SessionItem.objects.create(
            session=copy,
            position=item.position,
            title=item.title,
            start=item.start,
            duration_minutes=item.duration_minutes,
            description=item.description,
        )
        new_item.speakers.set(item.speakers.all())
    return copy


# Where an exhibit picture's files live; the same service stores people's photos and organisations' logos.
EXHIBIT_PICTURE_FILES = PictureFiles(
    image="image",
    width="width",
    height="height",
    renditions={"thumb": ("thumbnail", "thumbnail_width"), "large": ("large", "large_width")},
)


def exhibit_picture_store(*, picture: ExhibitPicture, upload) -> ExhibitPicture:
    """Save a new or replaced exhibit picture: upright, without camera data, with its renditions.

    The renditions are made once here, so pages never resize on request; the files a replaced
    picture leaves behind are removed once the change is committed.
    """
    return picture_store(instance=picture, upload=upload, files=EXHIBIT_PICTURE_FILES)


# The kind of the queued email that tells delegates of a release (sent by attendees.release_notices).
PROGRAMME_CHANGES_EMAIL = "programme_changes"


def publish_release(
    *,
    edition: Edition,
    note_en: str = "",
    note_zh_hans: str = "",
    by=None,
    now=None,
    compared_with: int | None = None,
) -> Release:
    """Publish the edition's programme as it stands: the next number, a snapshot, what changed since the last.

    The note is in both languages; readers whose language has none read the English one. Every delegate with a
    place in a changed session gets one email, queued here in the same transaction and sent out of the request.
    The edition row is locked first, so two organisers publishing at once get consecutive numbers and each
    compares with the release before it.

    Raises ReleaseRefused (agenda.releases.rules) for an unpublished edition, a release that would change
    nothing, and, given `compared_with` (the number of the release the organiser's preview compared with),
    when another release has been published since that preview.
    """
    now = now or timezone.now()
    with transaction.atomic():
        edition = Edition.objects.select_for_update().get(pk=edition.pk)
        check_edition(edition)
        previous = previous_release(edition)
        check_basis(edition=edition, previous=previous, compared_with=compared_with, by=by)
        current = snapshot(edition)
        changes = diff(previous.snapshot, current) if previous else []
        check_changes(edition=edition, previous=previous, changes=changes, session_count=len(current))
        release = Release(
            edition=edition,
            number=previous.number + 1 if previous else 1,
            published_at=now,
            published_by=by,
            note_en=note_en or "",
            note_zh_hans=note_zh_hans or "",
            snapshot=current,
            changes=changes,
        )
        release.full_clean()
        release.save()
        release.notifications_queued = enqueue_many(
            kind=PROGRAMME_CHANGES_EMAIL,
            registration_ids=affected_registration_ids(release.changes),
            payload={"release": release.pk},
            now=now,
        )
        # The changes page, the home's notice and the feeds' version follow on the next request.
        programme_changed(edition_id=edition.pk)
    return release
