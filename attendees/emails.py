"""The emails a delegate receives: plain text and HTML, rendered from templates/emails/."""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from attendees.enums import ChoiceStatus

logger = logging.getLogger(__name__)


def self_service_url(registration):
    from attendees.tokens import link_token

    path = reverse("attendees:manage", args=[registration.edition.slug, link_token(registration)])
    return settings.SITE_URL + path


def _send(registration, template, subject, **context):
    context = {
        "registration": registration,
        "edition": registration.edition,
        "manage_url": self_service_url(registration),
        "site_url": settings.SITE_URL,
        **context,
    }
    with translation.override(settings.LANGUAGE_CODE):
        text = render_to_string(f"emails/{template}.txt", context)
        html = render_to_string(f"emails/{template}.html", context)
    message = EmailMultiAlternatives(
        subject=f"{registration.edition.name}: {subject}",
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[registration.email],
    )
    message.attach_alternative(html, "text/html")
    try:
        message.send()
    except Exception:
        # The registration is saved either way; a mail server outage must not turn it into an error page.
        logger.exception("Could not send the %s email to registration %s", template, registration.pk)


def _choices(registration):
    return list(registration.choices.select_related("session__room").order_by("session__start"))


def send_received(registration, placements=None):
    _send(registration, "received", "registration received", choices=_choices(registration))


def send_updated(registration, placements=None):
    _send(registration, "updated", "registration updated", choices=_choices(registration))


def send_approved(registration, message=""):
    _send(registration, "approved", "registration approved", message=message, choices=_choices(registration))


def send_rejected(registration, message=""):
    _send(registration, "rejected", "registration not accepted", message=message)


def send_cancelled(registration):
    _send(registration, "cancelled", "registration cancelled")


def send_promoted(choice):
    _send(choice.registration, "promoted", "a seat is free for you", session=choice.session)


def send_session_cancelled(registration, sessions):
    """Sessions the delegate held a seat or a waiting-list place in have been cancelled by the organisers."""
    with translation.override(settings.LANGUAGE_CODE):
        subject = gettext("session cancelled")
    _send(registration, "session_cancelled", subject, sessions=sessions, choices=_choices(registration))


def send_link(registration):
    _send(registration, "link", "your registration link")


def send_already_registered(registration):
    _send(registration, "already_registered", "you are already registered")


__all__ = ["ChoiceStatus"]
