"""Changes to the programme that span rows; the admin and commands go through these."""

import dataclasses
import enum

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, F, OuterRef, Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from agenda.access import published_editions_changed
from agenda.enums import SessionStatus
from agenda.images import PictureFiles, delete_files, picture_store
from agenda.models import (
    Edition,
    ExhibitPicture,
    Organisation,
    OrganisationIdentity,
    Person,
    PersonIdentity,
    Release,
    Session,
    SessionItem,
    SessionOrganiser,
    SessionSpeaker,
)
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


# People and organisations across editions.
#
# The fields that are the same in every edition (a person's name, biography, photo and country; an organisation's
# name, logo, website, country and kind) are copied into each edition's row of the identity, and every write goes
# through `person_update` / `organisation_update`, which writes them to all those rows in one transaction. Read
# from the identity instead, every page, feed, API answer, search, sort by name and fragment digest that reads an
# edition's people would need a join and a change; copied, they read one edition's rows as before, and only the
# "at other editions" part of a page looks across editions. Both languages' columns are copied.

PERSON_SHARED_FIELDS = ("name_en", "name_zh_hans", "bio_en", "bio_zh_hans", "country")
ORGANISATION_SHARED_FIELDS = ("name_en", "name_zh_hans", "kind", "country", "website")


class IdentityOutcome(enum.StrEnum):
    KEPT = "kept"  # the row kept the identity it had
    MATCHED = "matched"  # a new or unlinked row was found to be an identity already known
    CREATED = "created"  # nothing matched: the row is a new identity


@dataclasses.dataclass(frozen=True)
class Identified:
    """What saving a person or an organisation did: the row, its identity and how it was found, and the other
    rows it was copied to."""

    row: object
    outcome: IdentityOutcome
    others: int


@dataclasses.dataclass(frozen=True)
class _Kind:
    model: type
    identity_model: type
    shared: tuple  # besides the picture's columns
    picture: PictureFiles

    @property
    def picture_columns(self):
        files = self.picture
        return (*files.file_fields, files.width, files.height, *(width for _f, width in files.renditions.values()))


def _kind(row):
    if isinstance(row, Person):
        return _Kind(Person, PersonIdentity, PERSON_SHARED_FIELDS, PictureFiles.named("photo"))
    return _Kind(Organisation, OrganisationIdentity, ORGANISATION_SHARED_FIELDS, PictureFiles.named("logo"))


def _names(row):
    return {name.strip().lower() for name in (row.name_en, row.name_zh_hans) if name and name.strip()}


def identity_match(*, row):
    """The summit's known identity a person or organisation of an edition is: the one with the row's slug, else the
    only one with its name (case-insensitive, in either language, either way round). Never one that already has
    another row in the row's edition. None when there is none."""
    kind = _kind(row)
    summit_id = Edition.objects.filter(pk=row.edition_id).values_list("summit_id", flat=True).get()
    in_edition = kind.model.objects.filter(identity=OuterRef("pk"), edition_id=row.edition_id).exclude(pk=row.pk)
    candidates = kind.identity_model.objects.filter(summit_id=summit_id).exclude(Exists(in_edition))
    found = candidates.filter(slug=row.slug).first()
    if found is not None:
        return found
    same_name = Q(pk__in=[])
    for name in _names(row):
        same_name |= Q(name_en__iexact=name) | Q(name_zh_hans__iexact=name)
    named = list(candidates.filter(same_name)[:2])
    return named[0] if len(named) == 1 else None


def _free_identity_slug(identity_model, *, summit_id, base):
    taken = set(
        identity_model.objects.filter(summit_id=summit_id, slug__startswith=base).values_list("slug", flat=True)
    )
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def _fill_blanks(row, kind):
    """A row that joins an identity keeps what it says and takes, where it says nothing, what the identity's
    rows say (a photo included)."""
    other = kind.model.objects.filter(identity=row.identity_id).exclude(pk=row.pk).order_by("-edition__start_date")
    other = other.first()
    if other is None:
        return
    for field in kind.shared:
        if not getattr(row, field) and getattr(other, field):
            setattr(row, field, getattr(other, field))
    if not getattr(row, kind.picture.image) and getattr(other, kind.picture.image):
        for field in kind.picture_columns:
            value = getattr(other, field)
            setattr(row, field, value.name if field in kind.picture.file_fields else value)


def _still_unused(model, files, names):
    in_use = Q(pk__in=[])
    for field in files.file_fields:
        in_use |= Q(**{f"{field}__in": names})
    used = set()
    for row in model.objects.filter(in_use).values_list(*files.file_fields):
        used.update(row)
    return [name for name in names if name not in used]


def picture_files_release(*, model, files: PictureFiles, storage, names) -> None:
    """Once the transaction is committed, remove those of the picture files `names` that no row points at any
    more (rows of one identity share their files)."""
    names = [name for name in names if name]
    if names:
        transaction.on_commit(lambda: delete_files(storage, _still_unused(model, files, names)))


def _spread(row, kind):
    """Copy the row's shared fields to every other row of its identity, and the name to the identity."""
    others = kind.model.objects.filter(identity=row.identity_id).exclude(pk=row.pk)
    values = {field: getattr(row, field) for field in kind.shared}
    for field in kind.picture_columns:
        value = getattr(row, field)
        values[field] = (value.name or "") if field in kind.picture.file_fields else value
    old_names = [name for names in others.values_list(*kind.picture.file_fields) for name in names]
    edition_ids = set(others.values_list("edition_id", flat=True))
    count = others.update(**values)
    kind.identity_model.objects.filter(pk=row.identity_id).update(name_en=row.name_en, name_zh_hans=row.name_zh_hans)
    storage = getattr(row, kind.picture.image).storage
    picture_files_release(model=kind.model, files=kind.picture, storage=storage, names=old_names)
    # A queryset update sends no signal: the other editions' pages are rebuilt here.
    for edition_id in sorted(edition_ids):
        programme_changed(edition_id=edition_id)
    return count


def _drop_if_empty(kind, identity_id):
    if identity_id and not kind.model.objects.filter(identity=identity_id).exists():
        kind.identity_model.objects.filter(pk=identity_id).delete()


KEEP_PICTURE = object()


@transaction.atomic
def _row_update(row, *, picture):
    kind = _kind(row)
    stored_identity_id = kind.model.objects.filter(pk=row.pk).values_list("identity_id", flat=True).first()
    outcome = IdentityOutcome.KEPT
    if row.identity_id is None:
        identity = identity_match(row=row)
        if identity is None:
            summit_id = Edition.objects.filter(pk=row.edition_id).values_list("summit_id", flat=True).get()
            identity = kind.identity_model.objects.create(
                summit_id=summit_id,
                slug=_free_identity_slug(kind.identity_model, summit_id=summit_id, base=row.slug),
                name_en=row.name_en,
                name_zh_hans=row.name_zh_hans,
            )
            outcome = IdentityOutcome.CREATED
        else:
            outcome = IdentityOutcome.MATCHED
        row.identity = identity
    if row.identity_id != stored_identity_id and outcome is not IdentityOutcome.CREATED:
        outcome = IdentityOutcome.MATCHED
        _fill_blanks(row, kind)
    if picture is KEEP_PICTURE:
        row.full_clean()
        row.save()
    else:
        picture_store(instance=row, upload=picture, files=kind.picture)
    others = _spread(row, kind)
    if stored_identity_id != row.identity_id:
        _drop_if_empty(kind, stored_identity_id)
    return Identified(row=row, outcome=outcome, others=others)


def person_update(*, person: Person, photo=KEEP_PICTURE) -> Identified:
    """Save a new or edited person of an edition, with a new photo (an upload, or None to remove it) if given.

    A person not yet linked across editions is matched to the summit's known identity (`identity_match`), or
    becomes a new one; their name, biography, photo and country are then written to their row in every edition.
    """
    return _row_update(person, picture=photo)


def organisation_update(*, organisation: Organisation, logo=KEEP_PICTURE) -> Identified:
    """As `person_update`, for an organisation: its name, logo, website, country and kind are the same everywhere."""
    return _row_update(organisation, picture=logo)


@transaction.atomic
def identities_link(*, rows) -> Identified:
    """Make people (or organisations) of different editions of one summit one identity, e.g. duplicates that were
    not matched: the row of the latest edition keeps its identity and its shared fields, and the others take them.
    Identities left without rows are removed. Raises ValidationError when two rows are of one edition or the rows
    are of different summits."""
    rows = sorted(rows, key=lambda row: row.edition.start_date, reverse=True)
    if len({row.edition_id for row in rows}) != len(rows):
        raise ValidationError(_("Choose at most one row of each edition: two rows of one edition are not the same."))
    if len({row.edition.summit_id for row in rows}) != 1:
        raise ValidationError(_("Choose rows of one summit."))
    kind = _kind(rows[0])
    first, *others = rows
    if first.identity_id is None:
        _row_update(first, picture=KEEP_PICTURE)
    old_ids = {row.identity_id for row in others} - {first.identity_id}
    kind.model.objects.filter(pk__in=[row.pk for row in others]).update(identity=first.identity_id)
    for row in others:
        programme_changed(edition_id=row.edition_id)
    count = _spread(first, kind)
    for identity_id in old_ids:
        _drop_if_empty(kind, identity_id)
    return Identified(row=first, outcome=IdentityOutcome.MATCHED, others=count)
