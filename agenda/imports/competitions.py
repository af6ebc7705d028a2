"""The import and export of competition entries: finalists and winners, a row each."""

from django.utils.translation import gettext_lazy

from agenda.enums import CompetitionResult
from agenda.imports.base import ProgrammeResource
from agenda.imports.programme import EditionField, TextField, choice, column, in_edition
from agenda.imports.widgets import CountryWidget, SlugWidget, TrackWidget, YesNoWidget
from agenda.models import CompetitionEntry


class CompetitionEditionField(EditionField):
    """An entry's edition is its competition's: the column is checked, and names where the competition is looked up."""

    def get_value(self, instance):
        return instance.competition.edition if instance.competition_id else None

    def save(self, instance, row, is_m2m=False, **kwargs):
        self.clean(row, **kwargs)


class CompetitionEntryResource(ProgrammeResource):
    """Entries by competition and slug; the competition and organisation are named by slug within the edition,
    the track by slug within the competition."""

    edition = CompetitionEditionField()
    competition = in_edition("competition", "competition", gettext_lazy("competition"), gettext_lazy("competitions"))
    slug = column("slug", SlugWidget())
    track = column("track", TrackWidget())
    organisation = in_edition(
        "organisation", "organisation", gettext_lazy("organisation"), gettext_lazy("organisations")
    )
    country = column("country", CountryWidget())
    result = choice("result", CompetitionResult.choices, gettext_lazy("competition result"))
    is_sample = column("is_sample", YesNoWidget())
    project_title = TextField("project_title", "project_title_en")
    project_title_zh_hans = TextField("project_title_zh_hans", "project_title_zh_hans")
    team = TextField("team", "team_en")
    team_zh_hans = TextField("team_zh_hans", "team_zh_hans")
    summary = TextField("summary", "summary_en")
    summary_zh_hans = TextField("summary_zh_hans", "summary_zh_hans")

    required_columns = ("edition", "competition", "slug", "project_title")

    class Meta:
        model = CompetitionEntry
        fields = (
            "edition",
            "competition",
            "slug",
            "project_title",
            "project_title_zh_hans",
            "track",
            "team",
            "team_zh_hans",
            "organisation",
            "country",
            "result",
            "summary",
            "summary_zh_hans",
            "is_sample",
        )
        import_id_fields = ("competition", "slug")
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True

    def get_queryset(self):
        return super().get_queryset().select_related("competition__edition", "track", "organisation")

    def row_key(self, instance):
        return (instance.competition_id, instance.slug)
