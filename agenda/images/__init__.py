"""Uploaded pictures (exhibit pictures, organisation logos, speaker photos): check, clean, resize, store, tidy up.

One service for every picture the project keeps, whichever door it comes through (admin forms, the demo loader):

- `checks`: what an upload must be (`validate_image_upload`, used by `forms.PictureField` and the models' fields);
- `processing`: what is stored instead of it (`normalise_image`: upright, sRGB, no metadata) and its renditions
  (`make_renditions`);
- `storage`: `picture_store`, which puts both on a model's fields (described by `PictureFiles`) and removes the files
  a replaced picture leaves behind (`delete_files`).
"""

from .checks import (
    ACCEPT_ATTRIBUTE,
    ACCEPTED_FORMATS,
    MAX_ASPECT_RATIO,
    MAX_PIXELS,
    MAX_SIDE,
    MIN_SIDE,
    validate_image_upload,
)
from .processing import (
    GRAPHIC_MAX_COLOURS,
    RENDITION_SIZES,
    ImageContent,
    make_renditions,
    normalise_image,
    rendition_srcset,
)
from .storage import FreshName, PictureFiles, delete_files, picture_store

__all__ = [
    "ACCEPTED_FORMATS",
    "ACCEPT_ATTRIBUTE",
    "GRAPHIC_MAX_COLOURS",
    "MAX_ASPECT_RATIO",
    "MAX_PIXELS",
    "MAX_SIDE",
    "MIN_SIDE",
    "RENDITION_SIZES",
    "FreshName",
    "ImageContent",
    "PictureFiles",
    "delete_files",
    "make_renditions",
    "normalise_image",
    "picture_store",
    "rendition_srcset",
    "validate_image_upload",
]
