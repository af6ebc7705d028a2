from django import forms
from django.contrib import admin
from django.db.models import Count
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from agenda import services
from agenda.admin.history import HistoryAdmin
from agenda.admin.importing import SpreadsheetImportAdmin
from agenda.admin.languages import BilingualAdmin, BilingualTabularInline, UntranslatedFilter
from agenda.images import ACCEPT_ATTRIBUTE, validate_image_upload
from agenda.models import Exhibit, ExhibitPicture, Expo, Hall
from agenda.resources import ExhibitResource
from agenda.translation import in_both_languages

from .scope import EditionChoiceFieldsMixin, EditionFilter, EditionScopedAdmin, EditionScopedFilter


def preview(picture, width=120):
    if not picture or not picture.thumbnail:
        return "—"
    return format_html(
        '<img src="{}" alt="{}" width="{}" style="height:auto;border-radius:4px">',
        picture.thumbnail.url,
        picture.alt_text,
        width,
    )


class HallInline(BilingualTabularInline):
    model = Hall
    extra = 1
    prepopulated_fields = {"slug": ["name"]}


class ExhibitInline(EditionChoiceFieldsMixin, BilingualTabularInline):
    model = Exhibit
    extra = 0
    fields = ["title", "slug", "exhibitor", "category", "hall", "booth", "is_featured", "position"]
    autocomplete_fields = ["exhibitor"]
    prepopulated_fields = {"slug": ["title"]}
    show_change_link = True


@admin.register(Expo)
class ExpoAdmin(EditionScopedAdmin, BilingualAdmin):
    list_display = ["name", "edition", "venue", "dates", "exhibit_count"]
    list_filter = [("edition", EditionFilter)]
    search_fields = in_both_languages("name")
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["venue"]
    inlines = [HallInline, ExhibitInline]

    def get_queryset(self, request):
        return (
            super().get_queryset(request).select_related("edition", "venue").annotate(exhibit_total=Count("exhibits"))
        )

    @admin.display(description=_("dates"), ordering="start_date")
    def dates(self, obj):
        return obj.dates_label or "—"

    @admin.display(description=_("exhibits"), ordering="exhibit_total")
    def exhibit_count(self, obj):
        return obj.exhibit_total


class PictureForm(forms.ModelForm):
    # A plain file field: our own checks explain what is wrong (format, size, pixels, damage)
    # instead of the generic "not a valid image".
    image = forms.FileField(
        label=_("picture"),
        validators=[validate_image_upload],
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT_ATTRIBUTE}),
        help_text=ExhibitPicture._meta.get_field("image").help_text,
    )

    class Meta:
        model = ExhibitPicture
        fields = ["image", "alt_text_en", "alt_text_zh_hans", "position"]


class PictureInline(BilingualTabularInline):
    model = ExhibitPicture
    form = PictureForm
    extra = 1
    fields = ["preview", "image", "alt_text", "position"]
    readonly_fields = ["preview"]

    @admin.display(description=_("preview"))
    def preview(self, obj):
        return preview(obj)


@admin.register(Hall)
class HallAdmin(EditionScopedAdmin, BilingualAdmin):
    edition_lookup = "expo__edition"
    edition_source = "expo"
    list_display = ["name", "expo", "position"]
    list_filter = [("expo__edition", EditionFilter), ("expo", EditionScopedFilter)]
    search_fields = in_both_languages("name", "expo__name")
    list_select_related = ["expo"]


@admin.register(Exhibit)
class ExhibitAdmin(HistoryAdmin, EditionScopedAdmin, BilingualAdmin, SpreadsheetImportAdmin):
    edition_lookup = "expo__edition"
    edition_source = "expo"
    resource_classes = [ExhibitResource]
    list_display = ["cover", "title", "exhibitor", "category", "hall", "booth", "is_featured", "edition"]
    list_display_links = ["cover", "title"]
    list_filter = [
        ("expo__edition", EditionFilter),
        ("expo", EditionScopedFilter),
        "category",
        ("hall", EditionScopedFilter),
        "is_featured",
        "is_sample",
        UntranslatedFilter,
    ]
    list_editable = ["is_featured"]
    search_fields = ["slug", "booth", *in_both_languages("title", "description", "exhibitor__name")]
    autocomplete_fields = ["exhibitor"]
    prepopulated_fields = {"slug": ["title"]}
    list_select_related = ["expo__edition", "exhibitor", "hall"]
    inlines = [PictureInline]
    fieldsets = [
        (None, {"fields": ["expo", "title", "slug", "exhibitor", "category"]}),
        (_("Where"), {"fields": [("hall", "booth")]}),
        (_("Content"), {"fields": ["description", ("is_featured", "position")]}),
    ]

    def get_queryset(self, request):
        from django.db.models import Prefetch

        first_pictures = ExhibitPicture.objects.order_by("position", "pk")
        return super().get_queryset(request).prefetch_related(Prefetch("pictures", queryset=first_pictures))

    @admin.display(description=_("picture"))
    def cover(self, obj):
        pictures = list(obj.pictures.all())
        return preview(pictures[0] if pictures else None, width=64)

    @admin.display(description=_("edition"), ordering="expo__edition__start_date")
    def edition(self, obj):
        return obj.expo.edition.slug

    def save_formset(self, request, form, formset, change):
        if formset.model is not ExhibitPicture:
            return super().save_formset(request, form, formset, change)
        # Pictures go through the service: normalised, renditions made, replaced files removed.
        # The admin's change message reads what the formset created, changed and deleted.
        formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
        for picture_form in formset.forms:
            if not picture_form.has_changed() or picture_form in formset.deleted_forms:
                continue
            picture = picture_form.instance
            is_new = picture.pk is None
            picture.exhibit = form.instance
            upload = picture_form.cleaned_data.get("image")
            if "image" in picture_form.changed_data and upload:
                services.exhibit_picture_store(picture=picture, upload=upload)
            else:
                picture.save()
            if is_new:
                formset.new_objects.append(picture)
            else:
                formset.changed_objects.append((picture, picture_form.changed_data))
        for picture_form in formset.deleted_forms:
            if picture_form.instance.pk:
                formset.deleted_objects.append(picture_form.instance)
                picture_form.instance.delete()
