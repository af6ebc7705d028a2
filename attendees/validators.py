"""Small checks shared by the delegate forms and the registration services, so every door says the same."""

import re

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from attendees.dates import format_date

# A phone number as people write one, with its country code: digits and the usual separators, nothing else.
PHONE_FORMAT = re.compile(r"\+?[0-9 ().\-/]{4,40}")
# A name in Chinese characters: Han ideographs, with a middle dot between the parts of a transliterated
# foreign name (约翰·史密斯) and spaces; nothing else, so neither Latin letters nor markup.
CHINESE_NAME_FORMAT = re.compile("[\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f·・‧•\u3000 ]+")


# Characters that reorder the text around them (embeddings, overrides, isolates): in a name they would make the
# badge, the desk and the admin show something other than what was typed, e.g. a name reversed.
DIRECTION_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def validate_no_direction_controls(value):
    """Names and affiliations are shown as typed: no invisible characters that reverse or reorder them."""
    if DIRECTION_CONTROLS.search(value or ""):
        raise ValidationError(
            _("Remove the invisible text-direction characters (they would show the text reordered)."),
            code="invalid",
            params={"value": value},
        )


def validate_phone(value):
    """The phone format of every door (the model's field, so the forms and the services too)."""
    if not PHONE_FORMAT.fullmatch(value or ""):
        raise ValidationError(
            # No-break spaces: a narrow screen must not wrap the example inside the number.
            _("Use digits, spaces and + ( ) - / . only, e.g. +86 571 1234 5678."),
            code="invalid",
            params={"value": value},
        )


def validate_chinese_name(value):
    """A name written in Chinese characters (王海峰, 约翰·史密斯), with no other script and no markup."""
    if not CHINESE_NAME_FORMAT.fullmatch(value or "") or not value.strip(" \u3000·・‧•"):
        raise ValidationError(
            _("Use Chinese characters only, e.g. 王海峰 (with · between the parts of a transliterated name)."),
            code="invalid",
            params={"value": value},
        )


def session_when(session):
    """“Wed 20 Nov, 14:00–16:00” (in the active language) in the session's own edition zone."""
    zone = session.edition.zone
    start, end = timezone.localtime(session.start, zone), timezone.localtime(session.end, zone)
    return f"{format_date(start, 'session')}–{end:%H:%M}"


def validate_no_overlapping_sessions(sessions):
    """A delegate holds a place in one session at a time: two chosen sessions may not overlap.

    Only the first overlap is named, with both sessions and their times, so the delegate knows which
    box to untick.
    """
    ordered = sorted(sessions, key=lambda session: (session.start, session.end, session.pk))
    latest = None  # of the sessions seen so far, the one that ends last
    for session in ordered:
        if latest is not None and session.start < latest.end:
            raise ValidationError(
                _("“%(first)s” (%(first_when)s) and “%(second)s” (%(second_when)s) overlap: choose only one of them.")
                % {
                    "first": latest.title,
                    "first_when": session_when(latest),
                    "second": session.title,
                    "second_when": session_when(session),
                },
                code="overlapping_sessions",
            )
        if latest is None or session.end > latest.end:
            latest = session
