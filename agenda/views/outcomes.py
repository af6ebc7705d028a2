from django.shortcuts import render

from agenda.access import is_previewer
from agenda.caching import programme_page
from agenda.selectors.outcomes import by_day, outcomes_of


@programme_page
def outcome_list(request, edition):
    outcomes = list(outcomes_of(edition=edition, preview=is_previewer(request)))
    context = {"edition": edition, "days": by_day(outcomes), "count": len(outcomes), "section": "outcomes"}
    return render(request, "agenda/outcome_list.html", context)
