from django.db.models import Count, Q
from django.shortcuts import render
from django.utils import timezone

from agenda.access import get_edition, is_previewer
from agenda.caching import programme_page
from agenda.enums import SessionKind
from agenda.models import Edition, Person
from agenda.selectors import public_sessions, session_total, with_session_totals
from agenda.selectors.expo import exhibit_count, featured_exhibits
from agenda.views.programme import running_and_next
from agenda.views.variants import registration_variant
from attendees.selectors import registration_state


def current_edition_home(request):
    edition = Edition.objects.published().filter(is_current=True).first()
    if edition is None:
        return edition_list(request)
    return edition_home(request, edition=edition.slug)


def edition_list(request):
    editions = with_session_totals(Edition.objects.published())
    return render(request, "agenda/edition_list.html", {"editions": editions})


@programme_page(refresh_minutes=5, vary=registration_variant)
def edition_home(request, edition):
    preview = is_previewer(request)
    sessions = public_sessions(edition=edition, preview=preview)
    counts = sessions.aggregate(sub_forums=Count("pk", filter=Q(kind=SessionKind.SUB_FORUM)))
    speaker_total = (
        Person.objects.filter(edition=edition)
        .filter(Q(sessions__in=sessions.values("pk")) | Q(session_items__session__in=sessions.values("pk")))
        .distinct()
        .count()
    )
    moment = timezone.now()
    running, upcoming = running_and_next(edition=edition, at=moment, preview=preview)
    highlights = sessions.filter(
        kind__in=[SessionKind.OPENING_CEREMONY, SessionKind.PLENARY, SessionKind.AWARD_CEREMONY]
    ).order_by("start")[:6]
    venues = edition.venues.all()
    context = {
        "edition": edition,
        "counts": {
            **counts,
            "sessions": session_total(edition=edition),
            "speakers": speaker_total,
            "exhibits": exhibit_count(edition),
        },
        "featured_exhibits": featured_exhibits(edition),
        "running": running,
        "upcoming": upcoming[:6],
        "highlights": highlights,
        "venues": venues,
        "section": "home",
        "phase": edition.phase_at(moment),
        "registration_state": registration_state(edition=edition, now=moment),
    }
    return render(request, "agenda/edition_home.html", context)


__all__ = ["current_edition_home", "edition_home", "edition_list", "get_edition"]
