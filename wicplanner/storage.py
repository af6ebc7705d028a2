"""Where uploaded pictures are kept: MEDIA_ROOT on the server's disk, or S3-compatible object storage.

Object storage is for more than one app server (each sees the same pictures) and for a CDN in front of them. Static
files stay on WhiteNoise either way.
"""

FILE_SYSTEM = {"BACKEND": "django.core.files.storage.FileSystemStorage"}


def media_storage(env):
    """STORAGES["default"] from the environment: S3 when AWS_STORAGE_BUCKET_NAME is set, else the file system.

    Credentials are boto3's own (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, or the machine's role); the bucket must
    let the public read the pictures, by its policy or with AWS_DEFAULT_ACL=public-read.
    """
    bucket = env.str("AWS_STORAGE_BUCKET_NAME", default="")
    if not bucket:
        return FILE_SYSTEM
    from botocore.config import Config

    def optional(name):
        return env.str(name, default="") or None

    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": bucket,
            "endpoint_url": optional("AWS_S3_ENDPOINT_URL"),
            "region_name": optional("AWS_S3_REGION_NAME"),
            "custom_domain": optional("AWS_S3_CUSTOM_DOMAIN"),
            "location": env.str("AWS_LOCATION", default=""),
            "addressing_style": optional("AWS_S3_ADDRESSING_STYLE"),
            "default_acl": optional("AWS_DEFAULT_ACL"),
            # Plain public addresses: cached pages keep them for a day, longer than a signed address lives.
            "querystring_auth": False,
            # Every upload gets a fresh name (agenda.images.FreshName), so an object never changes under its name…
            "file_overwrite": False,
            "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
            # …and a slow or unreachable bucket fails an upload in seconds, not minutes.
            "client_config": Config(
                connect_timeout=5, read_timeout=20, retries={"max_attempts": 3, "mode": "standard"}
            ),
        },
    }
