from django.db import models
from django.utils.translation import gettext_lazy as _


class EditionSource(models.Model):
    """A report an edition's facts are taken from (an article, an announcement), cited on the edition's page.

    What is not in any source is marked as sample data where it appears (`is_sample` on sessions, people,
    organisations, exhibits and honourees).
    """

    edition = models.ForeignKey(
        "agenda.Edition", on_delete=models.CASCADE, related_name="sources", verbose_name=_("edition")
    )
    title = models.CharField(
        _("title"), max_length=400, help_text=_("The report's headline, as published, or what it is if it has none.")
    )
    publisher = models.CharField(_("publisher"), max_length=200, blank=True, help_text=_("E.g. “China Daily”."))
    author = models.CharField(_("author"), max_length=200, blank=True)
    published_on = models.DateField(_("published on"), null=True, blank=True)
    url = models.URLField(_("address"), max_length=500, blank=True)
    covers = models.TextField(
        _("what it gives"), blank=True, help_text=_("The facts taken from it, e.g. “dates, theme, 20 sub-forums”.")
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.title
