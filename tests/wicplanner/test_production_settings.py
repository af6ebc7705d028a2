"""The settings a production environment gives (settings/base.py read in a fresh process, DEBUG off)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parent.parent.parent

READ = """
import json, secrets, django
django.setup()
from django.conf import settings
from django.core.cache import cache
from django.urls import NoReverseMatch, reverse
try:
    media = reverse("media", args=["expo/a.jpg"])
except NoReverseMatch:
    media = None
key = "settings-test:" + secrets.token_hex(4)
cache.set(key, "kept", 5)
database = settings.DATABASES["default"]
print(json.dumps({
    "cache": settings.CACHES["default"],
    "cache_round_trip": cache.get(key),
    "database_engine": database["ENGINE"],
    "database_options": database.get("OPTIONS", {}),
    "conn_health_checks": database["CONN_HEALTH_CHECKS"],
    "media_storage": settings.STORAGES["default"]["BACKEND"],
    "static_storage": settings.STORAGES["staticfiles"]["BACKEND"],
    "media_address": media,
    "ratelimit_fail_open": settings.RATELIMIT_FAIL_OPEN,
}))
"""


def production_settings(**env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("REDIS_", "DATABASE_", "AWS_", "DJANGO_"))
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="wicplanner.settings.base",
        DEBUG="false",
        SECRET_KEY="test-only",
        ALLOWED_HOSTS="wic.example.org",
        **env,
    )
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", READ], cwd=BASE_DIR, env=environment, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_a_production_environment_with_redis_postgresql_and_a_bucket():
    import redis

    try:
        redis.Redis.from_url("redis://127.0.0.1:6379/3").ping()
    except redis.ConnectionError:
        pytest.skip("no Redis at 127.0.0.1:6379")

    read = production_settings(
        REDIS_URL="redis://127.0.0.1:6379/3",
        REDIS_TIMEOUT="0.25",
        REDIS_PAUSE_SECONDS="3",
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/wicplanner",
        DATABASE_CONNECT_TIMEOUT="3",
        DATABASE_STATEMENT_TIMEOUT="2.5",
        AWS_STORAGE_BUCKET_NAME="wic-media",
    )

    # REDIS_URL works: the client is installed, and the cache degrades rather than fails.
    assert read["cache"] == {
        "BACKEND": "wicplanner.cache.ResilientRedisCache",
        "LOCATION": "redis://127.0.0.1:6379/3",
        "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.25, "pause_seconds": 3.0},
    }
    assert read["cache_round_trip"] == "kept"
    assert read["ratelimit_fail_open"] is True
    # A silent server: a round trip gives up a little after the statement timeout (wicplanner/db/postgresql).
    assert read["database_engine"] == "wicplanner.db.postgresql"
    assert read["database_options"] == {
        "connect_timeout": 3,
        "options": "-c statement_timeout=2500",
        "wait_timeout": 4.5,
    }
    assert read["conn_health_checks"] is True
    # Pictures in the bucket, not served by the app; static files on WhiteNoise still.
    assert read["media_storage"] == "storages.backends.s3.S3Storage"
    assert read["media_address"] is None
    assert read["static_storage"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"


def test_the_defaults_time_out_in_seconds_and_serve_pictures_from_disk():
    read = production_settings(DATABASE_URL="postgres://postgres@127.0.0.1:5432/wicplanner")

    assert read["database_options"] == {
        "connect_timeout": 5,
        "options": "-c statement_timeout=15000",
        "wait_timeout": 17.0,
    }
    assert read["cache"] == {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": 20000},  # room for the fragments of a large programme's pages and feeds
    }
    assert read["media_storage"] == "django.core.files.storage.FileSystemStorage"
    assert read["media_address"] == "/media/expo/a.jpg"
