"""Cache invalidation only: any change to an edition's programme bumps its programme version."""

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.dispatch import receiver

from agenda import models
from agenda.images import PictureFiles, delete_files
from agenda.middleware import ADMIN_ZONE_CACHE_KEY
from agenda.services import all_programmes_changed, picture_files_release, programme_changed


def _edition_id(instance):
    if isinstance(instance, models.Edition):
        return instance.pk
    if isinstance(instance, models.Room):
        return models.Venue.objects.filter(pk=instance.venue_id).values_list("edition_id", flat=True).first()
    if isinstance(instance, models.SessionSpeaker | models.SessionOrganiser | models.SessionItem):
        return models.Session.objects.filter(pk=instance.session_id).values_list("edition_id", flat=True).first()
    if isinstance(instance, models.Hall | models.Exhibit):
        return models.Expo.objects.filter(pk=instance.expo_id).values_list("edition_id", flat=True).first()
    if isinstance(instance, models.ExhibitPicture):
        exhibits = models.Exhibit.objects.filter(pk=instance.exhibit_id)
        return exhibits.values_list("expo__edition_id", flat=True).first()
    if isinstance(instance, models.AwardCategory | models.Honouree):
        programmes = models.AwardProgramme.objects.filter(pk=instance.programme_id)
        return programmes.values_list("edition_id", flat=True).first()
    if isinstance(instance, models.CompetitionTrack | models.CompetitionEntry):
        competitions = models.Competition.objects.filter(pk=instance.competition_id)
        return competitions.values_list("edition_id", flat=True).first()
    return getattr(instance, "edition_id", None)


PROGRAMME_MODELS = (
    models.Edition,
    models.EditionSource,
    models.Venue,
    models.Room,
    models.Topic,
    models.Organisation,
    models.Person,
    models.Session,
    models.SessionSpeaker,
    models.SessionOrganiser,
    models.SessionItem,
    models.Expo,
    models.Hall,
    models.Exhibit,
    models.ExhibitPicture,
    models.AwardProgramme,
    models.AwardCategory,
    models.Honouree,
    models.Outcome,
    models.Competition,
    models.CompetitionTrack,
    models.CompetitionEntry,
)


@receiver(post_save)
@receiver(post_delete)
def bump_programme_version(sender, instance, raw=False, **kwargs):
    if raw or sender not in PROGRAMME_MODELS:
        return
    if sender is models.Edition:
        cache.delete(ADMIN_ZONE_CACHE_KEY)
        all_programmes_changed()
        return
    edition_id = _edition_id(instance)
    if edition_id:
        programme_changed(edition_id=edition_id)


@receiver(post_save, sender=models.Summit)
def bump_on_summit(sender, raw=False, **kwargs):
    if not raw:
        all_programmes_changed()


@receiver(m2m_changed, sender=models.SessionItem.speakers.through)
def bump_on_item_speakers(sender, instance, action, **kwargs):
    if action.startswith("post_") and isinstance(instance, models.SessionItem):
        programme_changed(edition_id=_edition_id(instance))


@receiver(m2m_changed, sender=models.Outcome.publishers.through)
def bump_on_outcome_publishers(sender, instance, action, **kwargs):
    if action.startswith("post_") and isinstance(instance, models.Outcome):
        programme_changed(edition_id=instance.edition_id)


@receiver(post_delete, sender=models.Outcome)
def remove_outcome_file(sender, instance, **kwargs):
    # A deleted outcome leaves no PDF behind.
    if instance.pdf:
        names, storage = [instance.pdf.name], instance.pdf.storage
        transaction.on_commit(lambda: delete_files(storage, names))


@receiver(post_delete, sender=models.ExhibitPicture)
def remove_picture_files(sender, instance, **kwargs):
    # Storage hygiene: a deleted picture (also through a deleted exhibit or expo) leaves no files.
    names, storage = instance.file_names, instance.image.storage
    transaction.on_commit(lambda: delete_files(storage, names))


@receiver(post_delete, sender=models.Person)
@receiver(post_delete, sender=models.Organisation)
@receiver(post_delete, sender=models.Summit)
def remove_photo_or_logo_files(sender, instance, **kwargs):
    # The same hygiene for a person's photo and an organisation's or summit's logo, with their renditions.
    field = "photo" if sender is models.Person else "logo"
    if sender is models.Summit:
        names, storage = PictureFiles.named(field).names(instance), getattr(instance, field).storage
        transaction.on_commit(lambda: delete_files(storage, names))
        return
    # The rows of one person or organisation across editions share their files: those still used stay.
    files = PictureFiles.named(field)
    picture_files_release(
        model=sender, files=files, storage=getattr(instance, field).storage, names=files.names(instance)
    )


@receiver(post_save, sender=models.PersonIdentity)
@receiver(pre_delete, sender=models.PersonIdentity)
@receiver(post_save, sender=models.OrganisationIdentity)
@receiver(pre_delete, sender=models.OrganisationIdentity)
def bump_on_identity(sender, instance, raw=False, **kwargs):
    # Each edition's page of the identity lists the other editions: they all follow.
    if raw:
        return
    rows = models.Person if sender is models.PersonIdentity else models.Organisation
    for edition_id in set(rows.objects.filter(identity=instance.pk).values_list("edition_id", flat=True)):
        programme_changed(edition_id=edition_id)
