"""People and organisations across editions: the summit's identities, each with its rows in the editions.

An identity is made or found when a row is saved (agenda.services.person_update / organisation_update); its name
follows its rows. Here organisers find an identity, see its editions and merge duplicates.
"""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from agenda import services
from agenda.models import Organisation, OrganisationIdentity, Person, PersonIdentity
from agenda.translation import in_both_languages


def identity_linked(request, identified, *, model_admin):
    """Tell the organiser what saving a row did across editions."""
    row = identified.row
    if identified.outcome == services.IdentityOutcome.MATCHED:
        years = sorted(
            type(row)
            .objects.filter(identity=row.identity_id)
            .exclude(pk=row.pk)
            .values_list("edition__year", flat=True)
        )
        if years:
            model_admin.message_user(
                request,
                _("“%(name)s” is the same as at %(years)s: what is the same everywhere now is in every edition.")
                % {"name": row.name, "years": ", ".join(str(year) for year in years)},
                messages.INFO,
            )
    elif identified.others:
        model_admin.message_user(
            request,
            ngettext(
                "Also updated at %(count)d other edition.",
                "Also updated at %(count)d other editions.",
                identified.others,
            )
            % {"count": identified.others},
            messages.INFO,
        )


class LinkAcrossEditionsMixin:
    """The action that makes chosen rows of different editions one identity."""

    @admin.action(description=_("Link selected as the same across editions"), permissions=["change"])
    def link_across_editions(self, request, queryset):
        try:
            identified = services.identities_link(rows=list(queryset.select_related("edition")))
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
            return
        self.message_user(
            request,
            _("Linked across editions as “%(name)s”.") % {"name": identified.row.name},
            messages.SUCCESS,
        )


class RowsInline(admin.TabularInline):
    fields = ["edition", "row", "name_en", "name_zh_hans"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = False
    ordering = ["-edition__start_date"]

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description=_("row"))
    def row(self, obj):
        url = reverse(f"admin:agenda_{obj._meta.model_name}_change", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, obj.slug)


class PeopleInline(RowsInline):
    model = Person
    verbose_name = _("edition")
    verbose_name_plural = _("editions")


class OrganisationsInline(RowsInline):
    model = Organisation
    verbose_name = _("edition")
    verbose_name_plural = _("editions")


class IdentityAdmin(admin.ModelAdmin):
    rows = ""  # the related name of the identity's rows
    list_display = ["name", "slug", "editions", "summit"]
    list_filter = ["summit"]
    search_fields = [*in_both_languages("name"), "slug"]
    readonly_fields = ["name_en", "name_zh_hans"]
    fields = ["summit", "slug", "name_en", "name_zh_hans"]
    actions = ["merge"]

    def get_queryset(self, request):
        queryset = super().get_queryset(request).select_related("summit")
        return queryset.annotate(row_count=Count(self.rows)).prefetch_related(f"{self.rows}__edition")

    def has_add_permission(self, request):
        return False  # made when a person or an organisation of an edition is saved

    @admin.display(description=_("editions"), ordering="row_count")
    def editions(self, obj):
        rows = sorted(getattr(obj, self.rows).all(), key=lambda row: row.edition.start_date)
        return format_html_join(
            ", ",
            '<a href="{}">{}</a>',
            ((reverse(f"admin:agenda_{row._meta.model_name}_change", args=[row.pk]), row.edition.year) for row in rows),
        )

    @admin.action(description=_("Merge selected into one"), permissions=["change"])
    def merge(self, request, queryset):
        rows = getattr(self.model, self.rows).rel.related_model.objects.filter(identity__in=queryset)
        try:
            identified = services.identities_link(rows=list(rows.select_related("edition")))
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
            return
        self.message_user(request, _("Merged as “%(name)s”.") % {"name": identified.row.name}, messages.SUCCESS)


@admin.register(PersonIdentity)
class PersonIdentityAdmin(IdentityAdmin):
    rows = "people"
    inlines = [PeopleInline]


@admin.register(OrganisationIdentity)
class OrganisationIdentityAdmin(IdentityAdmin):
    rows = "organisations"
    inlines = [OrganisationsInline]
