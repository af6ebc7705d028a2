"""Storing pictures on a model's fields, and removing the files a replaced or deleted picture leaves behind."""

import logging
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import PurePath
from types import MappingProxyType

from django.db import transaction
from django.utils.deconstruct import deconstructible

from .processing import make_renditions, normalise_image

logger = logging.getLogger(__name__)


def delete_files(storage, names: Iterable) -> None:
    """Delete these files (names or FieldFiles) from `storage`, skipping empty names and files already gone.

    When replacing or deleting a picture, call it from `transaction.on_commit()`: if the transaction rolls back, the
    row still points at the old files, so they must still be there. A file that cannot be deleted is logged, not
    raised, since a leftover file must not undo the change the user just saved.
    """
    for name in dict.fromkeys(str(getattr(item, "name", item) or "") for item in names):
        if not name:
            continue
        try:
            storage.delete(name)
        except FileNotFoundError:
            continue
        except Exception:  # any backend's error: object storage's are not OSErrors
            logger.warning("Could not delete %s from storage.", name, exc_info=True)


# --- Pictures on model fields -----------------------------------------------------------------------------------


@deconstructible
class FreshName:
    """`upload_to` giving every stored picture a new random name in `folder`.

    A replaced picture never reuses an address that browsers and proxies may have cached, and the name the file had
    on the uploader's computer (often a person's name or a camera's numbering) is not published.
    """

    def __init__(self, folder: str):
        self.folder = folder.strip("/")

    def __call__(self, instance, filename: str) -> str:
        extension = PurePath(filename).suffix.lower() or ".jpg"
        return f"{self.folder}/{uuid.uuid4().hex}{extension}"

    def __eq__(self, other):
        return isinstance(other, FreshName) and other.folder == self.folder


@dataclass(frozen=True)
class PictureFiles:
    """The fields where a model keeps one picture: the normalised original, its size in pixels, and for each
    rendition of `RENDITION_SIZES` a file field and a width field."""

    image: str
    width: str
    height: str
    renditions: Mapping[str, tuple[str, str]]

    @classmethod
    def named(cls, image: str) -> "PictureFiles":
        """The fields named after the picture's: `photo`, `photo_width`, `photo_thumbnail`, `photo_large_width`…"""
        return cls(
            image=image,
            width=f"{image}_width",
            height=f"{image}_height",
            renditions=MappingProxyType(
                {
                    "thumb": (f"{image}_thumbnail", f"{image}_thumbnail_width"),
                    "large": (f"{image}_large", f"{image}_large_width"),
                }
            ),
        )

    @property
    def file_fields(self) -> list[str]:
        return [self.image, *(file_field for file_field, _width in self.renditions.values())]

    def names(self, instance) -> list[str]:
        """The names of the files `instance` points at now."""
        return [getattr(instance, field).name for field in self.file_fields if getattr(instance, field)]

    def stored_names(self, instance) -> list[str]:
        """The names of the files the saved row points at (none for a new row)."""
        if instance.pk is None:
            return []
        row = type(instance)._default_manager.filter(pk=instance.pk).values_list(*self.file_fields).first()
        return [name for name in row or () if name]


def _attach(instance, upload, files: PictureFiles) -> None:
    normalised = normalise_image(upload)
    image = getattr(instance, files.image)
    image.save(normalised.name, normalised, save=False)
    setattr(instance, files.width, normalised.width)
    setattr(instance, files.height, normalised.height)
    renditions = make_renditions(image)
    for name, (file_field, width_field) in files.renditions.items():
        getattr(instance, file_field).save(renditions[name].name, renditions[name], save=False)
        setattr(instance, width_field, renditions[name].width)


def _detach(instance, files: PictureFiles) -> None:
    for field in files.file_fields:
        setattr(instance, field, "")
    for field in (files.width, files.height, *(width for _file, width in files.renditions.values())):
        setattr(instance, field, 0)


@transaction.atomic
def picture_store(*, instance, upload, files: PictureFiles):
    """Save `instance` with `upload` as its picture, or without a picture when `upload` is None.

    Every picture the project keeps goes through here: stored upright, without camera data (GPS included), at most
    `MAX_SIDE` pixels, with its renditions made once so that pages never resize on request. The files the previous
    picture leaves behind are removed once the change is committed. Raises ValidationError if the upload cannot be
    read safely (forms check it first with `validate_image_upload`, so their users see why).
    """
    old_names = files.stored_names(instance)
    if upload:
        _attach(instance, upload, files)
    else:
        _detach(instance, files)
    instance.full_clean()
    instance.save()
    kept = set(files.names(instance))
    storage = getattr(instance, files.image).storage
    transaction.on_commit(lambda: delete_files(storage, [name for name in old_names if name not in kept]))
    return instance
