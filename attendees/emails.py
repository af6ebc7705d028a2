"""The emails a delegate receives: plain text and HTML, rendered from templates/emails/.

Each is written in the language the delegate registered in (Registration.language), whoever sends it
and whatever language the sender's page is in: subject, both parts, dates, and the links, which open
the delegate's pages in that language.

Every email goes through the outbox (attendees.outbox): the services queue a Notification of one of the
kinds below in the transaction of the change it tells of, and the sender registered here renders and sends
it later, out of the request. What is fixed when it is queued, and what is read when it is sent:

- Queued with the change (the payload): what happened and cannot be read back later. The organiser's
  message on an approval or a rejection; the session a seat was given in; the sessions a cancellation took
  away (the places themselves are deleted with it); for an address without a registration, the address,
  the edition and the language of the page it was typed on.
- Read when sent: everything that describes the delegate now. Name, language, badge code, the list of
  sessions, and above all the personal link, whose key a newer link may have replaced meanwhile: an email
  rendered at the change would carry a dead link after a new-link request, and would show seats that a
  later email contradicts. Rendering also costs the request nothing.
- Decided when sent: a new link's key is made as the email leaves (until then every earlier link keeps
  working, so a mail outage never leaves the delegate without one); "a seat is free" is not sent once the
  seat is no longer the delegate's; "already registered" goes at most once an hour, however many attempts
  were queued.
"""

import datetime as dt

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext

from attendees.enums import ChoiceStatus
from attendees.outbox import Withheld, sender

# The kinds of queued emails (Notification.kind), one sender each below.
RECEIVED = "received"
UPDATED = "updated"
APPROVED = "approved"
REJECTED = "rejected"
CANCELLED = "cancelled"
PROMOTED = "promoted"
SESSION_CANCELLED = "session_cancelled"
LINK = "link"
ALREADY_REGISTERED = "already_registered"
NOT_REGISTERED = "not_registered"


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


def _subject(edition, subject):
    return pgettext("email subject: the edition, then what the email is about", "%(edition)s: %(subject)s") % {
        "edition": edition.name,
        "subject": subject,
    }


def _deliver(*, to, subject, text, html):
    """Send one email; a failure raises, for the outbox to try again later."""
    message = EmailMultiAlternatives(subject=subject, body=text, from_email=settings.DEFAULT_FROM_EMAIL, to=[to])
    message.attach_alternative(html, "text/html")
    message.send()


def _send(registration, template, subject, **context):
    """Render one email to the delegate, as the registration is now, and send it."""
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
        subject = _subject(registration.edition, subject)
    _deliver(to=registration.email, subject=subject, text=text, html=html)


def _choices(registration):
    return list(registration.choices.select_related("session__room").order_by("session__start"))


@sender(RECEIVED)
def send_received(registration, payload):
    _send(registration, "received", _("registration received"), choices=_choices(registration))


@sender(UPDATED)
def send_updated(registration, payload):
    _send(registration, "updated", _("registration updated"), choices=_choices(registration))


@sender(APPROVED)
def send_approved(registration, payload):
    _send(
        registration,
        "approved",
        _("registration approved"),
        message=payload.get("message", ""),
        choices=_choices(registration),
    )


@sender(REJECTED)
def send_rejected(registration, payload):
    _send(registration, "rejected", _("registration not accepted"), message=payload.get("message", ""))


@sender(CANCELLED)
def send_cancelled(registration, payload):
    _send(registration, "cancelled", _("registration cancelled"))


@sender(PROMOTED)
def send_promoted(registration, payload):
    """A seat came free for the delegate: told only while the seat is still theirs when the email leaves."""
    choice = (
        registration.choices.filter(session_id=payload["session"], status=ChoiceStatus.SEAT)
        .select_related("session")
        .first()
    )
    if choice is None or not registration.is_active:
        return
    _send(registration, "promoted", _("a seat is free for you"), session=choice.session)


@sender(SESSION_CANCELLED)
def send_session_cancelled(registration, payload):
    """Sessions the delegate held a seat or a waiting-list place in have been cancelled by the organisers."""
    from agenda.models import Session

    sessions = list(Session.objects.filter(pk__in=payload["sessions"]).select_related("room").order_by("start", "pk"))
    if not sessions:
        return
    _send(registration, "session_cancelled", _("session cancelled"), sessions=sessions, choices=_choices(registration))


@sender(LINK)
def send_link(registration, payload):
    """A fresh self-service link. Its key becomes valid once the email has left, and earlier links stop working
    then: until that moment they all work, so a mail outage never leaves the delegate without a working link.
    """
    from attendees import services
    from attendees.models import new_token_key

    _limit_new_links(kind=LINK, registration=registration)
    old_key = registration.token_key
    registration.token_key = new_token_key()
    try:
        _send(registration, "link", _("your registration link"))
    except Exception:
        registration.token_key = old_key
        raise
    services.registration_renew_link(registration=registration)


@sender(ALREADY_REGISTERED)
def send_already_registered(registration, payload):
    """Someone tried to register the address again: its owner hears of it at most once an interval."""
    from attendees import services

    claim = services.registration_claim_duplicate_notice(registration=registration)
    if claim is None:
        return
    try:
        _send(registration, "already_registered", _("you are already registered"))
    except Exception:
        services.registration_return_duplicate_notice(registration=registration, claim=claim)  # for the retry
        raise


@sender(NOT_REGISTERED)
def send_not_registered(registration, payload):
    """A new link was asked for an address that holds no registration: its owner is told so, nothing more."""
    from agenda.models import Edition

    edition = Edition.objects.filter(pk=payload["edition"]).first()
    if edition is None:
        return
    _limit_new_links(kind=NOT_REGISTERED, payload__address__iexact=payload["address"])
    with translation.override(payload.get("language") or settings.LANGUAGE_CODE):
        context = {
            "edition": edition,
            "register_url": settings.SITE_URL + reverse("attendees:register", args=[edition.slug]),
            "resend_url": settings.SITE_URL + reverse("attendees:resend", args=[edition.slug]),
        }
        text = render_to_string("emails/not_registered.txt", context)
        html = render_to_string("emails/not_registered.html", context)
        subject = _subject(edition, _("no registration under this address"))
    _deliver(to=payload["address"], subject=subject, text=text, html=html)


def _limit_new_links(**recipient):
    """The "send my link" form must not be a way to flood someone's inbox: at most NEW_LINK_EMAILS_PER_HOUR such
    emails to one registration or address an hour, whoever asks and from wherever. Decided when sent, so the
    request does the same work either way and says nothing of it."""
    from attendees.models import Notification

    since = timezone.now() - dt.timedelta(hours=1)
    sent = Notification.objects.filter(sent_at__gte=since, **recipient).count()
    if sent >= settings.NEW_LINK_EMAILS_PER_HOUR:
        raise Withheld(f"Not sent: {sent} such emails went to this address in the last hour.")


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
        release=release,
        changes=described,
        changes_url=changes_url,
    )
