"""Changes to the programme that span rows; the admin and commands go through these."""

from django.db import transaction
from django.utils.text import slugify

from agenda.enums import SessionStatus
from agenda.models import Session, SessionItem, SessionOrganiser, SessionSpeaker


def sessions_set_status(*, sessions, status: str) -> int:
    """Publish, unpublish (back to draft) or cancel many sessions at once; returns how many changed."""
    if status not in SessionStatus.values:
        raise ValueError(f"Unknown status {status!r}")
    with transaction.atomic():
        return Session.objects.filter(pk__in=[s.pk for s in sessions]).exclude(status=status).update(status=status)


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
