"""Changes to the programme that span rows; the admin and commands go through these."""

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify

from agenda.enums import SessionStatus
from agenda.models import Edition, Session, SessionItem, SessionOrganiser, SessionSpeaker


def programme_changed(*, edition_id: int) -> None:
    """Mark the edition's programme as changed so cached pages and feeds are rebuilt."""
    Edition.objects.filter(pk=edition_id).update(
        programme_version=F("programme_version") + 1, programme_changed_at=timezone.now()
    )


def all_programmes_changed() -> None:
    """Editions are listed on every page (the edition switcher): a change to one rebuilds all."""
    Edition.objects.update(programme_version=F("programme_version") + 1, programme_changed_at=timezone.now())


def sessions_set_status(*, sessions, status: str) -> int:
    """Publish, unpublish (back to draft) or cancel many sessions at once; returns how many changed."""
    if status not in SessionStatus.values:
        raise ValueError(f"Unknown status {status!r}")
    with transaction.atomic():
        changing = Session.objects.filter(pk__in=[s.pk for s in sessions]).exclude(status=status)
        edition_ids = set(changing.values_list("edition_id", flat=True))
        count = changing.update(status=status, updated_at=timezone.now())
        for edition_id in edition_ids:
            programme_changed(edition_id=edition_id)
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
