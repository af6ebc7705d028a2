"""Share cards (the pictures of og:image), next to the page each belongs to and open to whoever may open the page.

Programme pages (agenda.caching): a card asked for again is answered from the page cache without a query, or
with a 304; after a programme change its content is read again (two queries for a session, one for a speaker)
and, unless that content changed, its picture comes from the cards' cache (agenda.cards) rather than drawn.
"""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404

from agenda.access import is_previewer
from agenda.caching import programme_page
from agenda.cards import card_png, session_card, speaker_card
from agenda.selectors.people import visible_speakers
from agenda.selectors.programme import session_for_card


def _png_response(png):
    return HttpResponse(png, content_type="image/png")


@programme_page(compress=False)
def session_card_image(request, edition, slug):
    session = session_for_card(edition=edition, slug=slug, preview=is_previewer(request))
    if session is None:
        raise Http404("No session at this address.")
    links = session.speaker_links.all()
    card = session_card(
        edition=edition,
        session=session,
        speaker_names=[link.person.name for link in links],
        speaker_total=len(links),
    )
    return _png_response(card_png(card))


@programme_page(compress=False)
def speaker_card_image(request, edition, slug):
    people = visible_speakers(edition=edition, preview=is_previewer(request))
    person = get_object_or_404(people.select_related("organisation"), slug=slug)
    return _png_response(card_png(speaker_card(edition=edition, person=person)))
