"""The emails a delegate receives: plain text and HTML, rendered from templates/emails/.

Each is written in the language the delegate registered in (Registration.language), whoever sends it
and whatever language the sender's page is in: subject, both parts, dates, and the links, which open
the delegate's pages in that language.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext

logger = logging.getLogger(__name__)


def self_service_url(registration):
    """The absolute address of the delegate's own page, in the active language."""
    from attendees.tokens import link_token

    path = reverse("attendees:manage", args=[registration.edition.slug, link_token(registration)])
    return settings.SITE_URL + path


def _greeting_name(registration):
    """Chinese emails greet the delegate by their name in Chinese characters, when they gave one."""
    if registration.name_zh and registration.language.startswith("zh"):
        return registration.name_zh
    return registration.name


def _send(registration, template, subject, *, raise_errors=False, **context):
    """Render and send one email. A failure is logged, or with `raise_errors` (the outbox) raised to be retried."""
    with translation.override(registration.language):
        context = {
            "registration": registration,
            "delegate_name": _greeting_name(registration),
            "edition": registration.edition,
            "manage_url": self_service_url(registration),
            "site_url": settings.SITE_URL,
            **context,
        }
        text = render_to_string(f"emails/{template}.txt", context)
        html = render_to_string(f"emails/{template}.html", context)
        subject = pgettext("email subject: the edition, then what the email is about", "%(edition)s: %(subject)s") % {
            "edition": registration.edition.name,
            "subject": subject,
        }
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[registration.email],
    )
    message.attach_alternative(html, "text/html")
    if raise_errors:
        message.send()
        return
    try:
        message.send()
    except Exception:
        # The registration is saved either way; a mail server outage must not turn it into an error page.
        logger.exception("Could not send the %s email to registration %s", template, registration.pk)


def _choices(registration):
    return list(registration.choices.select_related("session__room").order_by("session__start"))


def send_received(registration, placements=None):
    _send(registration, "received", _("registration received"), choices=_choices(registration))


def send_updated(registration, placements=None):
    _send(registration, "updated", _("registration updated"), choices=_choices(registration))


def send_approved(registration, message=""):
    _send(registration, "approved", _("registration approved"), message=message, choices=_choices(registration))


def send_rejected(registration, message=""):
    _send(registration, "rejected", _("registration not accepted"), message=message)


def send_cancelled(registration):
    _send(registration, "cancelled", _("registration cancelled"))


def send_promoted(choice):
    _send(choice.registration, "promoted", _("a seat is free for you"), session=choice.session)


def send_session_cancelled(registration, sessions):
    """Sessions the delegate held a seat or a waiting-list place in have been cancelled by the organisers."""
    _send(registration, "session_cancelled", _("session cancelled"), sessions=sessions, choices=_choices(registration))


def send_link(registration):
    _send(registration, "link", _("your registration link"))


def send_already_registered(registration):
    _send(registration, "already_registered", _("you are already registered"))


def send_programme_changes(registration, release, changes):
    """A release changed sessions the delegate holds a place in: one email listing them all (from the outbox)."""
    from agenda.releases import describe_all

    edition = registration.edition
    with translation.override(registration.language):
        described = describe_all(changes, zone=edition.zone)
        changes_url = settings.SITE_URL + reverse("agenda:changes", args=[edition.slug])
    _send(
        registration,
        "programme_changes",
        _("programme changes"),
        raise_errors=True,
        release=release,
        changes=described,
        changes_url=changes_url,
    )
