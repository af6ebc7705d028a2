from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

# A note is read above the changes, on the page and in every email: a few paragraphs at most.
NOTE_MAX_LENGTH = 2000


class Release(models.Model):
    """A published state of an edition's programme: numbered, timestamped, with what changed since the last.

    Organisers edit freely; a release is what attendees and delegates are told about. `snapshot` holds every
    public session as it stood, keyed by session id (as a string), each entry of this shape:

        {"title_en": "", "title_zh_hans": "", "slug": "", "start": "<ISO 8601, UTC>", "end": "<ISO 8601, UTC>",
         "room_en": "", "room_zh_hans": "", "status": "published" | "cancelled",
         "speakers_en": ["…"], "speakers_zh_hans": ["…"]}

    `changes` holds, for each session that changed since the previous release (none for the first), one entry
    {"session": <id>, "kinds": [...], "before": <entry or null>, "after": <entry or null>}, the kinds among
    "added", "cancelled", "removed" (no longer public), "moved" (day, time or room), "renamed", "speakers".
    """

    edition = models.ForeignKey(
        "agenda.Edition", on_delete=models.CASCADE, related_name="releases", verbose_name=_("edition")
    )
    number = models.PositiveIntegerField(_("number"))
    published_at = models.DateTimeField(_("published"))
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("published by")
    )
    # In English and in Chinese (agenda.translation): readers see their language's note, else the English one.
    note = models.TextField(
        _("note"),
        blank=True,
        max_length=NOTE_MAX_LENGTH,
        validators=[MaxLengthValidator(NOTE_MAX_LENGTH)],  # a TextField's max_length alone binds only its form
        help_text=_(
            "Shown on the changes page and in the emails to delegates, in their language; "
            "without a Chinese note, Chinese readers see the English one."
        ),
    )
    snapshot = models.JSONField(_("snapshot"), default=dict, editable=False)
    changes = models.JSONField(_("changes"), default=list, editable=False)

    class Meta:
        verbose_name = _("programme release")
        verbose_name_plural = _("programme releases")
        ordering = ["edition", "-number"]
        constraints = [models.UniqueConstraint(fields=["edition", "number"], name="one_release_number_per_edition")]

    def __str__(self):
        return _("%(edition)s, release %(number)s") % {"edition": self.edition, "number": self.number}
