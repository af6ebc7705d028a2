"""Every person and organisation gets an identity across editions: the rows of one summit that share a slug are
one identity (the demo and most organisers reuse a person's slug from one edition to the next). Programme editors
may see and edit the identities, as they edit people and organisations."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

IDENTITY_MODELS = ["personidentity", "organisationidentity"]


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; the group needs them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors, _ = Group.objects.get_or_create(name="Programme editors")
    editors.permissions.add(
        *Permission.objects.filter(content_type__app_label="agenda", content_type__model__in=IDENTITY_MODELS)
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors = Group.objects.filter(name="Programme editors").first()
    if editors is not None:
        editors.permissions.remove(
            *Permission.objects.filter(content_type__app_label="agenda", content_type__model__in=IDENTITY_MODELS)
        )


def link(apps, model_name, identity_name):
    Row = apps.get_model("agenda", model_name)
    Identity = apps.get_model("agenda", identity_name)
    rows = Row.objects.filter(identity__isnull=True).select_related("edition").order_by("-edition__start_date", "pk")
    identities = {(i.summit_id, i.slug): i for i in Identity.objects.all()}
    taken = set(Row.objects.filter(identity__isnull=False).values_list("edition_id", "identity_id"))
    for row in rows:
        key = (row.edition.summit_id, row.slug)
        identity = identities.get(key)
        if identity is None:
            # The latest edition's row names the identity.
            identity = Identity.objects.create(
                summit_id=key[0],
                slug=row.slug,
                name=row.name_en or row.name,
                name_en=row.name_en,
                name_zh_hans=row.name_zh_hans,
            )
            identities[key] = identity
        if (row.edition_id, identity.pk) in taken:
            continue
        taken.add((row.edition_id, identity.pk))
        Row.objects.filter(pk=row.pk).update(identity=identity)


def link_all(apps, schema_editor):
    link(apps, "Person", "PersonIdentity")
    link(apps, "Organisation", "OrganisationIdentity")


class Migration(migrations.Migration):
    dependencies = [
        ("agenda", "0024_people_and_organisations_across_editions"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(link_all, migrations.RunPython.noop), migrations.RunPython(grant, revoke)]
