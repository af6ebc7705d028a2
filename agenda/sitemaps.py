from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from agenda.models import Edition, Exhibit, Session
from agenda.selectors.outcomes import with_outcome_flag
from agenda.selectors.people import published_speakers


class BilingualSitemap(Sitemap):
    """Every page in each language, each entry naming its other languages (hreflang) and the default."""

    i18n = True
    alternates = True
    x_default = True


class EditionSitemap(BilingualSitemap):
    changefreq = "daily"

    def items(self):
        return Edition.objects.published()

    def location(self, edition):
        return reverse("agenda:edition_home", args=[edition.slug])

    def lastmod(self, edition):
        return edition.programme_changed_at


class AgendaSitemap(EditionSitemap):
    def location(self, edition):
        return reverse("agenda:agenda", args=[edition.slug])


class ExpoSitemap(EditionSitemap):
    def items(self):
        return Edition.objects.published().filter(expos__isnull=False).distinct()

    def location(self, edition):
        return reverse("agenda:expo_list", args=[edition.slug])


class AwardsSitemap(EditionSitemap):
    def items(self):
        return Edition.objects.published().filter(award_programmes__isnull=False).distinct()

    def location(self, edition):
        return reverse("agenda:award_list", args=[edition.slug])


class OutcomesSitemap(EditionSitemap):
    def items(self):
        return with_outcome_flag(Edition.objects.published()).filter(has_outcomes=True)

    def location(self, edition):
        return reverse("agenda:outcome_list", args=[edition.slug])


class CompetitionsSitemap(EditionSitemap):
    def items(self):
        return Edition.objects.published().filter(competitions__isnull=False).distinct()

    def location(self, edition):
        return reverse("agenda:competition_list", args=[edition.slug])


class ExhibitSitemap(BilingualSitemap):
    limit = 5000

    def items(self):
        return (
            Exhibit.objects.filter(expo__edition__in=Edition.objects.published())
            .select_related("expo__edition")
            .order_by("pk")
        )

    def location(self, exhibit):
        return reverse("agenda:exhibit_detail", args=[exhibit.expo.edition.slug, exhibit.slug])

    def lastmod(self, exhibit):
        return exhibit.updated_at


class SessionSitemap(BilingualSitemap):
    changefreq = "daily"
    limit = 5000

    def items(self):
        return (
            Session.objects.public()
            .filter(edition__in=Edition.objects.published())
            .select_related("edition")
            .order_by("pk")
        )

    def location(self, session):
        return reverse("agenda:session_detail", args=[session.edition.slug, session.slug])

    def lastmod(self, session):
        return session.updated_at


class SpeakerSitemap(BilingualSitemap):
    limit = 5000

    def items(self):
        return published_speakers().select_related("edition").order_by("pk")

    def location(self, person):
        return reverse("agenda:speaker_detail", args=[person.edition.slug, person.slug])


SITEMAPS = {
    "editions": EditionSitemap,
    "agenda": AgendaSitemap,
    "sessions": SessionSitemap,
    "speakers": SpeakerSitemap,
    "expo": ExpoSitemap,
    "exhibits": ExhibitSitemap,
    "awards": AwardsSitemap,
    "outcomes": OutcomesSitemap,
    "competitions": CompetitionsSitemap,
}
