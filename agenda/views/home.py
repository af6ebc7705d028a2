from django.shortcuts import render
from django.utils import timezone

from agenda.access import is_previewer
from agenda.caching import programme_page
from agenda.models import Edition
from agenda.releases.selectors import notice_variant, recent_release
from agenda.selectors import session_total, with_session_totals
from agenda.selectors.expo import exhibit_count, featured_exhibits
from agenda.selectors.outcomes import outcomes_of
from agenda.selectors.people import public_speakers, speaker_countries
from agenda.selectors.programme import featured_sub_forums, highlights, running_and_next, sub_forum_total
from agenda.views.variants import registration_variant
from attendees.selectors import registration_state

# The outcomes the home page lists; the outcomes page has them all.
HOME_OUTCOMES = 4


def current_edition_home(request):
    edition = Edition.objects.published().current()
    if edition is None:
        return edition_list(request)
    return edition_home(request, edition=edition.slug)


def edition_list(request):
    editions = with_session_totals(Edition.objects.published())
    return render(request, "agenda/edition_list.html", {"editions": editions})


def _home_variant(request, edition, **kwargs):
    # The “programme updated” notice goes after a few days, with no programme change to rebuild the page.
    return f"{registration_variant(request, edition)}|{notice_variant(request, edition)}"


@programme_page(refresh_minutes=5, vary=_home_variant)
def edition_home(request, edition):
    preview = is_previewer(request)
    moment = timezone.now()
    running, upcoming = running_and_next(edition=edition, at=moment, preview=preview)
    context = {
        "edition": edition,
        "counts": {
            "sessions": session_total(edition=edition),
            "sub_forums": sub_forum_total(edition=edition, preview=preview),
            "speakers": public_speakers(edition=edition, preview=preview).count(),
            "countries": speaker_countries(edition=edition, preview=preview),
            "exhibits": exhibit_count(edition),
        },
        "featured_exhibits": featured_exhibits(edition),
        "outcomes": outcomes_of(edition=edition, preview=preview)[:HOME_OUTCOMES],
        "running": running,
        "upcoming": upcoming[:6],
        "highlights": highlights(edition=edition, preview=preview, limit=4),
        "sub_forums": featured_sub_forums(edition=edition, preview=preview),
        "venues": edition.venues.all(),
        "section": "home",
        "phase": edition.phase_at(moment),
        "registration_state": registration_state(edition=edition, now=moment),
        "recent_release": recent_release(edition, now=moment),
        "sources": edition.sources.all(),
    }
    return render(request, "agenda/edition_home.html", context)
