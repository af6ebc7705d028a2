"""The register form's fixed parts, rendered once per edition's programme version and language in each process.

Rendering the form's fields (crispy-forms' layout, the 250 countries) costs several times what the rest of
the page does, and all of it but the sessions is the same for every visitor: labels, help texts, choices,
layout. An unbound form's fields are rendered once under the programme stamp (agenda.caching) and the
language, with a slot where the page renders the sessions on each request, with their seats left now and
what the visitor came to register for. Nothing of a visitor is kept: the CSRF token is written by the page
outside the fields, and a bound form (shown again with its errors and what was typed) is rendered in full.

The parts are kept in the process rather than the shared cache: they follow the code of the running
release, so a deploy that changes the form can never serve a page rendered by the previous one.
"""

import threading
from collections import OrderedDict
from dataclasses import dataclass

from crispy_forms.utils import render_crispy_form
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from agenda.caching import programme_stamp

SLOT_TEMPLATE = "attendees/includes/session_choices_slot.html"
SLOT = "<!-- sessions -->"  # what SLOT_TEMPLATE renders: no label, help text or choice holds it
KEPT = 32  # forms kept per process: editions open for registration times languages, with room to spare

_kept = OrderedDict()
_lock = threading.Lock()


@dataclass(frozen=True)
class FixedParts:
    """The fields before the sessions and after them; `after` is None when no session takes registrations."""

    before: str
    after: str | None

    @property
    def has_sessions(self):
        return self.after is not None


def fixed_parts(form):
    """The unbound register form's fields, from this process's copy when the programme has not changed since."""
    if form.is_bound:
        raise ValueError("Only an unbound form is the same for every visitor.")
    key = (form.__class__.__name__, programme_stamp(form.edition), get_language())
    with _lock:
        parts = _kept.get(key)
        if parts is not None:
            _kept.move_to_end(key)
            return parts
    parts = _render(form)
    with _lock:
        _kept[key] = parts
        while len(_kept) > KEPT:
            _kept.popitem(last=False)
    return parts


def _render(form):
    html = render_crispy_form(form, helper=form.build_helper(sessions_template=SLOT_TEMPLATE))
    before, slot, after = html.partition(SLOT)
    return FixedParts(before=mark_safe(before), after=mark_safe(after) if slot else None)  # noqa: S308 (rendered by templates)
