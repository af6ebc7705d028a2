"""Every person and organisation gets an identity across editions: the rows of one summit that share a slug are
one identity (the demo and most organisers reuse a person's slug from one edition to the next)."""

from django.db import migrations


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
    dependencies = [("agenda", "0020_people_and_organisations_across_editions")]

    operations = [migrations.RunPython(link_all, migrations.RunPython.noop)]
