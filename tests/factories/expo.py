import io

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from agenda import models
from agenda.enums import ExhibitCategory
from agenda.services import exhibit_picture_store

from .agenda import EditionFactory, OrganisationFactory, PersonFactory


def jpeg_bytes(size=(600, 400), colour=(40, 110, 200)):
    """A small JPEG made with Pillow, as an upload would bring it."""
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, format="JPEG", quality=80)
    return buffer.getvalue()


class ExpoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Expo

    edition = factory.SubFactory(EditionFactory)
    name = factory.Sequence(lambda n: f"Light of Internet Expo {n}")
    slug = factory.Sequence(lambda n: f"expo-{n}")


class HallFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Hall

    expo = factory.SubFactory(ExpoFactory)
    name = factory.Sequence(lambda n: f"Exhibition hall {n}")
    slug = factory.Sequence(lambda n: f"exhibition-hall-{n}")


class ExhibitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Exhibit

    expo = factory.SubFactory(ExpoFactory)
    exhibitor = factory.SubFactory(OrganisationFactory, edition=factory.SelfAttribute("..expo.edition"))
    title = factory.Sequence(lambda n: f"Exhibit {n}")
    slug = factory.Sequence(lambda n: f"exhibit-{n}")
    category = ExhibitCategory.ARTIFICIAL_INTELLIGENCE


class ExhibitPictureFactory(factory.django.DjangoModelFactory):
    """A picture saved through `exhibit_picture_store`, so its renditions exist. Point MEDIA_ROOT at a tmp dir."""

    class Meta:
        model = models.ExhibitPicture

    exhibit = factory.SubFactory(ExhibitFactory)
    alt_text = factory.Sequence(lambda n: f"Picture {n} of the exhibit")
    size = (600, 400)

    @classmethod
    def _create(cls, model_class, *args, size=(600, 400), **kwargs):
        upload = SimpleUploadedFile("p.jpg", jpeg_bytes(size), content_type="image/jpeg")
        return exhibit_picture_store(picture=model_class(*args, **kwargs), upload=upload)


class AwardProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.AwardProgramme

    edition = factory.SubFactory(EditionFactory)
    name = factory.Sequence(lambda n: f"Award {n}")
    slug = factory.Sequence(lambda n: f"award-{n}")


class AwardCategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.AwardCategory

    programme = factory.SubFactory(AwardProgrammeFactory)
    name = factory.Sequence(lambda n: f"Category {n}")
    slug = factory.Sequence(lambda n: f"category-{n}")


class HonoureeFactory(factory.django.DjangoModelFactory):
    """A person by default; `for_organisation=True` (with `organisation__name=...` if wanted) for an organisation."""

    class Meta:
        model = models.Honouree

    class Params:
        for_organisation = factory.Trait(
            person=None,
            organisation=factory.SubFactory(OrganisationFactory, edition=factory.SelfAttribute("..programme.edition")),
        )

    programme = factory.SubFactory(AwardProgrammeFactory)
    person = factory.SubFactory(PersonFactory, edition=factory.SelfAttribute("..programme.edition"))
    organisation = None
