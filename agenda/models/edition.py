import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from agenda.enums import EditionPhase
from agenda.images import FreshName, validate_image_upload
from agenda.validators import (
    validate_edition_dates,
    validate_edition_slug,
    validate_registration_window,
    validate_time_zone,
)


class Summit(models.Model):
    """The recurring event, e.g. the World Internet Conference Wuzhen Summit."""

    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=40, help_text=_("Used in feed acronyms, e.g. “wic”."))
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    # A long name does not fit a phone's header: this one stands in for it there.
    compact_name = models.CharField(
        _("compact name"),
        max_length=60,
        blank=True,
        help_text=_("Shown instead of the name where space is short, e.g. in the header on phones: “Wuzhen Summit”."),
    )
    website = models.URLField(_("website"), blank=True)
    # The public site is the summit's: its name heads every page and its logo stands beside it (and in shared links).
    # Stored through agenda.images.picture_store, with renditions like an exhibit picture's.
    logo = models.ImageField(
        _("logo"),
        upload_to=FreshName("summits"),
        blank=True,
        validators=[validate_image_upload],
        help_text=_("Shown in the header of the public site and when a page is shared. JPEG, PNG or WebP."),
    )
    logo_width = models.PositiveIntegerField(_("logo width"), editable=False, default=0)
    logo_height = models.PositiveIntegerField(_("logo height"), editable=False, default=0)
    logo_thumbnail = models.ImageField(_("logo thumbnail"), upload_to="summits/renditions/", blank=True, editable=False)
    logo_thumbnail_width = models.PositiveIntegerField(_("logo thumbnail width"), editable=False, default=0)
    logo_large = models.ImageField(_("large logo"), upload_to="summits/renditions/", blank=True, editable=False)
    logo_large_width = models.PositiveIntegerField(_("large logo width"), editable=False, default=0)

    class Meta:
        verbose_name = _("summit")
        verbose_name_plural = _("summits")
        ordering = ["name"]

    def __str__(self):
        return self.name


class EditionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def current(self):
        return self.filter(is_current=True).first()

    def current_or_latest(self):
        """The edition staff most likely mean: the current one, else the one that starts last."""
        return self.current() or self.order_by("-start_date").first()


# Cities the summit is held in, by their Chinese names (an edition elsewhere types its own).
CITY_NAMES_IN_CHINESE = {"Wuzhen": "乌镇", "Beijing": "北京", "Hangzhou": "杭州"}


class Edition(models.Model):
    summit = models.ForeignKey(Summit, on_delete=models.PROTECT, related_name="editions", verbose_name=_("summit"))
    name = models.CharField(
        _("name"), max_length=200, help_text=_("e.g. “2024 World Internet Conference Wuzhen Summit”.")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    ordinal = models.CharField(_("ordinal"), max_length=20, blank=True, help_text=_("e.g. “4th”."))
    slug = models.SlugField(
        _("slug"),
        validators=[validate_edition_slug],
        max_length=40,
        unique=True,
        help_text=_("Part of every public address, e.g. “2024” in /2024/agenda/."),
    )
    theme = models.CharField(_("theme"), max_length=400, blank=True)
    start_date = models.DateField(_("first day"))
    end_date = models.DateField(_("last day"))
    city = models.CharField(_("city"), max_length=100, default="Wuzhen")
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default=settings.SUMMIT_DEFAULT_TIME_ZONE,
        validators=[validate_time_zone],
        help_text=_("IANA name, e.g. Asia/Shanghai. Times are stored in UTC and shown in this zone."),
    )
    description = models.TextField(_("description"), blank=True)
    is_published = models.BooleanField(_("published"), default=False)
    is_current = models.BooleanField(
        _("current edition"), default=False, help_text=_("The edition shown on the home page. Only one can be current.")
    )

    registration_opens_at = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(_("registration closes"), null=True, blank=True)
    registration_cap = models.PositiveIntegerField(
        _("delegate cap"), null=True, blank=True, help_text=_("Most delegates the edition accepts; empty for no limit.")
    )

    # Bumped whenever anything in the edition's programme changes: pages and feeds are cached per
    # version, so a saved edit is visible on the next request in every server process.
    programme_version = models.PositiveIntegerField(_("programme version"), default=1, editable=False)
    programme_changed_at = models.DateTimeField(_("programme changed"), default=timezone.now, editable=False)

    objects = EditionQuerySet.as_manager()

    class Meta:
        verbose_name = _("edition")
        verbose_name_plural = _("editions")
        ordering = ["-start_date"]
        # Checked by agenda.access: who sees drafts and unpublished editions on the public site.
        permissions = [("preview_programme", _("Can preview draft sessions and unpublished editions"))]
        constraints = [
            models.CheckConstraint(condition=Q(end_date__gte=F("start_date")), name="edition_ends_after_it_starts"),
            models.UniqueConstraint(
                fields=["is_current"],
                condition=Q(is_current=True),
                name="one_current_edition",
                violation_error_message=_("Another edition is already the current one: untick it there first."),
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        # Both language columns start from the field's default (“Wuzhen”), whatever the English city: give the
        # Chinese column the city's Chinese name when known, else leave it empty (pages then fall back).
        default = self._meta.get_field("city").default
        if self.city_zh_hans in ("", None, self.city_en) or (self.city_zh_hans == default != self.city_en):
            self.city_zh_hans = CITY_NAMES_IN_CHINESE.get(self.city_en or "", "")
        super().save(*args, **kwargs)

    def get_constraints(self):
        # clean() reports the dates on the field itself.
        return [
            (model, [c for c in constraints if c.name != "edition_ends_after_it_starts"])
            for model, constraints in super().get_constraints()
        ]

    def clean(self):
        errors = {}
        for check in (
            lambda: validate_edition_dates(start_date=self.start_date, end_date=self.end_date),
            lambda: validate_registration_window(
                opens_at=self.registration_opens_at, closes_at=self.registration_closes_at
            ),
        ):
            try:
                check()
            except ValidationError as error:
                errors.update(error.message_dict)
        if errors:
            raise ValidationError(errors)

    @property
    def zone(self):
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def zone_label(self):
        """How times are labelled for attendees, e.g. “Wuzhen time, UTC+8”."""
        import datetime as dt

        offset = dt.datetime.combine(self.start_date, dt.time(12), tzinfo=self.zone).utcoffset()
        minutes = int(offset.total_seconds() // 60)
        sign = "+" if minutes >= 0 else "−"
        hours, rest = divmod(abs(minutes), 60)
        utc = f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")
        if get_language().startswith("zh") and self.city_zh_hans in ("", None, self.city_en):
            # “Wuzhen时间” reads as a mistake: without the city's Chinese name, say local time.
            return _("Local time, %(utc)s") % {"utc": utc}
        return _("%(city)s time, %(utc)s") % {"city": self.city, "utc": utc}

    def phase_at(self, moment):
        """Whether the edition is ahead, on or past at `moment`, judged by the day in the edition's zone."""
        today = moment.astimezone(self.zone).date()
        if today > self.end_date:
            return EditionPhase.PAST
        if today < self.start_date:
            return EditionPhase.AHEAD
        return EditionPhase.ON

    @property
    def phase(self):
        """The edition's phase now: every page that speaks of it in a tense asks this."""
        return self.phase_at(timezone.now())

    @property
    def is_past(self):
        return self.phase == EditionPhase.PAST

    @property
    def dates_label(self):
        """The edition's days for a sentence, e.g. “19–22 November 2024” or “2024年11月19日至22日”."""
        return days_label(self.start_date, self.end_date)

    @property
    def days(self):
        from datetime import timedelta

        count = (self.end_date - self.start_date).days + 1
        return [self.start_date + timedelta(days=n) for n in range(count)]


def days_label(first, last):
    """A span of days for a sentence, in the active language's order: “19–22 November 2024”,
    “30 November – 2 December 2024”, “2024年11月19日至22日” (the formats are in wicplanner/formats)."""
    if first == last:
        return date_format(last, "LONG_DATE_FORMAT")
    if (first.year, first.month) == (last.year, last.month):
        return _("%(first)s–%(last)s") % {
            "first": date_format(first, "RANGE_START_SAME_MONTH_FORMAT"),
            "last": date_format(last, "RANGE_END_SAME_MONTH_FORMAT"),
        }
    same_year = first.year == last.year
    return _("%(first)s – %(last)s") % {
        "first": date_format(first, "RANGE_START_SAME_YEAR_FORMAT" if same_year else "LONG_DATE_FORMAT"),
        "last": date_format(last, "RANGE_END_SAME_YEAR_FORMAT" if same_year else "LONG_DATE_FORMAT"),
    }
