"""Uploaded pictures served by the app itself when they are kept on the server's disk (MEDIA_ROOT).

With S3-compatible storage (AWS_STORAGE_BUCKET_NAME, settings/base.py) the bucket or its CDN serves them and this
address is not routed. Only regular files under MEDIA_ROOT are served (no listing, no dot-files, no way out by `..`
or a symbolic link), pictures under their own type and anything else as a download, each with ETag and
Last-Modified, so that a cache or browser revalidates with a 304.
"""

import mimetypes
import os
import re
import stat
from pathlib import Path

from django.conf import settings
from django.http import FileResponse, Http404
from django.urls import re_path
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.views.decorators.http import require_safe

# Shown in the page: anything else (should it ever be stored) is sent as a download, never rendered by a browser.
INLINE_TYPES = {"image/jpeg", "image/png", "image/webp", "image/gif", "image/avif"}
# Pictures are stored under a fresh random name at each upload, renditions under that name plus a suffix
# (agenda.images.FreshName): such an address never shows other content, so it may be cached for good.
FRESH_NAME = re.compile(r"^[0-9a-f]{32}(?:[-_][\w-]*)?\.\w+$")
FRESH_CACHE_SECONDS = 365 * 24 * 3600
# Older names (from before fresh names) are revalidated daily.
OTHER_CACHE_SECONDS = 24 * 3600


def _media_file(path):
    """The resolved path of `path` under MEDIA_ROOT, or 404."""
    parts = path.split("/")
    if any(part in ("", ".", "..") or part.startswith(".") or "\\" in part or "\x00" in part for part in parts):
        raise Http404
    root = Path(settings.MEDIA_ROOT).resolve()
    try:
        full = root.joinpath(*parts).resolve(strict=True)
    except (OSError, RuntimeError):
        raise Http404
    if not full.is_relative_to(root) or full == root:
        raise Http404
    return full


@require_safe
def serve_media(request, path):
    full = _media_file(path)
    try:
        handle = full.open("rb")
    except OSError:
        raise Http404
    info = os.fstat(handle.fileno())
    if not stat.S_ISREG(info.st_mode):
        handle.close()
        raise Http404
    etag = f'"{info.st_size:x}-{info.st_mtime_ns:x}"'
    content_type = mimetypes.guess_type(full.name)[0]
    response = get_conditional_response(request, etag=etag, last_modified=int(info.st_mtime))
    if response is not None:
        handle.close()
    elif content_type in INLINE_TYPES:
        response = FileResponse(handle, content_type=content_type)
    else:
        response = FileResponse(handle, content_type="application/octet-stream", as_attachment=True)
    if response.status_code not in (200, 304):
        return response  # a failed precondition (If-Match …) is not for caches to keep
    response["ETag"] = etag
    response["Last-Modified"] = http_date(info.st_mtime)
    if FRESH_NAME.match(full.name):
        patch_cache_control(response, public=True, max_age=FRESH_CACHE_SECONDS, immutable=True)
    else:
        patch_cache_control(response, public=True, max_age=OTHER_CACHE_SECONDS)
    return response


def media_urlpatterns():
    """The media address, when pictures are on this server's disk and addressed on this site."""
    kept_on_disk = settings.STORAGES["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    if not kept_on_disk or not settings.MEDIA_URL.startswith("/"):
        return []
    prefix = re.escape(settings.MEDIA_URL.lstrip("/"))
    return [re_path(rf"^{prefix}(?P<path>.+)$", serve_media, name="media")]
