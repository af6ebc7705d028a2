"""CSV/XLSX export of registrations (django-import-export): export only, never import.

Times are written in each registration's own edition time zone, as text (“2024-11-20 09:12”), so that
a spreadsheet shows what the door staff saw. Text a delegate typed never opens as a formula
(agenda.spreadsheets).
"""

from django.utils.translation import gettext_lazy as _
from import_export import fields, resources

from agenda.spreadsheets import FormulaSafeResourceMixin
from attendees.models import Registration


def _local(value, edition):
    if value is None:
        return ""
    return value.astimezone(edition.zone).strftime("%Y-%m-%d %H:%M")


class RegistrationResource(FormulaSafeResourceMixin, resources.ModelResource):
    edition = fields.Field(column_name=_("Edition"), attribute="edition__slug", readonly=True)
    name = fields.Field(column_name=_("Name"), attribute="name", readonly=True)
    name_zh = fields.Field(column_name=_("Name in Chinese characters"), attribute="name_zh", readonly=True)
    email = fields.Field(column_name=_("Email"), attribute="email", readonly=True)
    organisation = fields.Field(column_name=_("Organisation"), attribute="organisation", readonly=True)
    position = fields.Field(column_name=_("Position"), attribute="position", readonly=True)
    country = fields.Field(column_name=_("Country"), readonly=True)
    category = fields.Field(column_name=_("Category"), readonly=True)
    status = fields.Field(column_name=_("Status"), readonly=True)
    sessions = fields.Field(column_name=_("Sessions"), readonly=True)
    dietary_needs = fields.Field(column_name=_("Dietary needs"), attribute="dietary_needs", readonly=True)
    accessibility_needs = fields.Field(
        column_name=_("Accessibility needs"), attribute="accessibility_needs", readonly=True
    )
    created = fields.Field(column_name=_("Registered"), readonly=True)
    checked_in = fields.Field(column_name=_("Checked in"), readonly=True)
    language = fields.Field(column_name=_("Language"), readonly=True)

    class Meta:
        model = Registration
        fields = (
            "edition",
            "name",
            "name_zh",
            "email",
            "organisation",
            "position",
            "country",
            "category",
            "status",
            "sessions",
            "dietary_needs",
            "accessibility_needs",
            "created",
            "checked_in",
            "language",
        )
        export_order = fields

    def dehydrate_country(self, obj):
        return str(obj.country.name) if obj.country else ""

    def dehydrate_category(self, obj):
        return str(obj.get_category_display())

    def dehydrate_language(self, obj):
        return str(obj.get_language_display())

    def dehydrate_status(self, obj):
        return str(obj.get_status_display())

    def dehydrate_sessions(self, obj):
        # Prefetched by the admin's export queryset: one query for all rows of a page.
        choices = sorted(obj.choices.all(), key=lambda c: (c.session.start, c.session.title))
        return "; ".join(f"{choice.session.title} ({choice.get_status_display()})" for choice in choices)

    def dehydrate_created(self, obj):
        return _local(obj.created_at, obj.edition)

    def dehydrate_checked_in(self, obj):
        return _local(obj.checked_in_at, obj.edition)
