"""The bulk status changes of the registration list: each goes through its service, one registration at a time."""

from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from attendees import services

NAMES_SHOWN = 10  # in messages and on the confirmation page, beyond this: “and 12 more”

STATUS_ACTIONS = {
    "approve": {
        "service": services.registration_approve,
        "title": _("Approve registrations"),
        "button": _("Approve"),
        "done": lambda n: ngettext("%(count)d registration approved.", "%(count)d registrations approved.", n),
        "not_done": lambda n: ngettext(
            "%(count)d registration was not approved:", "%(count)d registrations were not approved:", n
        ),
        "message_help": _("Added to the approval email each delegate receives, and kept in the history."),
    },
    "reject": {
        "service": services.registration_reject,
        "title": _("Reject registrations"),
        "button": _("Reject"),
        "done": lambda n: ngettext("%(count)d registration rejected.", "%(count)d registrations rejected.", n),
        "not_done": lambda n: ngettext(
            "%(count)d registration was not rejected:", "%(count)d registrations were not rejected:", n
        ),
        "message_help": _(
            "Added to the email each delegate receives, and kept in the history. "
            "Their seats go to the next delegates on the waiting lists."
        ),
    },
    "cancel": {
        "service": services.registration_cancel,
        "title": _("Cancel registrations"),
        "button": _("Cancel the registrations"),
        "done": lambda n: ngettext("%(count)d registration cancelled.", "%(count)d registrations cancelled.", n),
        "not_done": lambda n: ngettext(
            "%(count)d registration was not cancelled:", "%(count)d registrations were not cancelled:", n
        ),
        "message_help": _(
            "Kept in the history; the cancellation email does not include it. "
            "Their seats go to the next delegates on the waiting lists."
        ),
    },
}


def names_listed(names):
    shown = ", ".join(names[:NAMES_SHOWN])
    rest = len(names) - NAMES_SHOWN
    if rest > 0:
        shown += " " + gettext("and %(count)d more") % {"count": rest}
    return shown
