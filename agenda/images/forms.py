"""The form field for a picture upload."""

from django import forms

from .checks import ACCEPT_ATTRIBUTE, validate_image_upload


class PictureField(forms.FileField):
    """A picture upload checked by `validate_image_upload`.

    A plain file field rather than Django's ImageField: our own checks explain what is wrong (format, size, pixels,
    damage) instead of the generic "not a valid image", and a huge or hostile file is refused before it is decoded.
    """

    default_validators = [validate_image_upload]
    widget = forms.ClearableFileInput(attrs={"accept": ACCEPT_ATTRIBUTE})
