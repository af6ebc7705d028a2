"""The production environment of deploy/production.env.example, as a separate process would read it."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "deploy" / "production.env.example"


def documented_environment():
    """The example's variables, read as systemd's EnvironmentFile or django-environ reads them."""
    variables = {}
    for line in EXAMPLE.read_text().splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, _, value = line.partition("=")
        variables[name.strip()] = value.strip().strip('"')
    return variables


def run(args, **overrides):
    """Run manage.py or python in a process whose environment is the documented one, with a secret key."""
    environment = {name: os.environ[name] for name in ("PATH", "HOME", "LANG") if name in os.environ}
    environment |= documented_environment()
    environment["SECRET_KEY"] = secrets.token_urlsafe(50)
    environment |= overrides
    return subprocess.run(  # noqa: S603
        [sys.executable, *args], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )


PROBE = """
import json, django
django.setup()
from django.conf import settings
from django.test import Client
from csp.utils import build_policy
client = Client(HTTP_HOST="wic.example.org")
plain = client.get("/robots.txt", headers={"x-forwarded-proto": "https"})
print(json.dumps({
    "policy": build_policy(),
    "proxy_header": settings.SECURE_PROXY_SSL_HEADER,
    "forwarded_https_answer": plain.status_code,
    "forwarded_https_location": plain.get("Location"),
    "hsts": plain.get("Strict-Transport-Security"),
}))
"""


def probe(**overrides):
    result = run(["-c", PROBE], DJANGO_SETTINGS_MODULE="wicplanner.settings.base", **overrides)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_the_documented_production_environment_passes_check_deploy():
    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"])

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_check_deploy_fails_without_hsts():
    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], SECURE_HSTS_SECONDS="0")

    assert result.returncode != 0
    assert "security.W004" in result.stderr


def test_without_a_trusted_proxy_a_forwarded_https_claim_is_not_believed():
    settings = probe(TRUSTED_PROXY_COUNT="0")

    assert settings["proxy_header"] is None
    assert settings["forwarded_https_answer"] == 301
    assert settings["forwarded_https_location"] == "https://wic.example.org/robots.txt"


def test_behind_the_trusted_proxy_its_https_header_is_believed():
    settings = probe()

    assert settings["proxy_header"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert settings["forwarded_https_answer"] == 200
    assert settings["hsts"] == "max-age=31536000; includeSubDomains; preload"


def test_a_negative_proxy_count_is_refused_at_start():
    result = run(["manage.py", "check"], TRUSTED_PROXY_COUNT="-1")

    assert result.returncode != 0
    assert "TRUSTED_PROXY_COUNT" in result.stderr


@pytest.mark.parametrize(
    ("overrides", "image_sources"),
    [
        ({}, "img-src 'self' data:"),
        ({"AWS_S3_CUSTOM_DOMAIN": "media.example.org"}, "img-src 'self' data: https://media.example.org"),
        ({"CSP_IMG_SRC": "https://cdn.example.org"}, "img-src 'self' data: https://cdn.example.org"),
    ],
)
def test_pictures_may_come_from_the_configured_media_domain_only(overrides, image_sources):
    policy = probe(**overrides)["policy"].split("; ")

    assert image_sources in policy


def test_the_production_policy_allows_no_inline_script_and_reports_where_told():
    policy = probe(CSP_REPORT_URI="https://csp.example.org/report")["policy"].split("; ")

    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "upgrade-insecure-requests" in policy
    assert "report-uri https://csp.example.org/report" in policy
    assert not [directive for directive in policy if directive.startswith("script") and "unsafe-inline" in directive]
