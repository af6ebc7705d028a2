"""The Content-Security-Policy on every page, what the templates may hold under it, and the client's address."""

import base64
import hashlib
import re
from pathlib import Path

import django.contrib.admin
import import_export
import pytest
from django.conf import settings
from django.test import RequestFactory, override_settings

from tests.factories import EditionFactory, SessionFactory
from wicplanner.security import client_ip

pytestmark = pytest.mark.django_db

TEMPLATES = Path(settings.BASE_DIR) / "templates"
# Templates that others are moving their inline code out of; none may be added here.
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(?:ld\+)?json\")[^>]*>", re.I)
EVENT_HANDLER = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I)
STYLE_ELEMENT = re.compile(r"<style\b", re.I)


def directives(response):
    policy = response["Content-Security-Policy"]
    return dict(part.split(" ", 1) if " " in part else (part, "") for part in policy.split("; "))


def sha256(text):
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


@pytest.fixture
def summit():
    edition = EditionFactory(slug="2024", year=2024, is_current=True)
    SessionFactory(edition=edition, slug="opening")
    return edition


@pytest.mark.parametrize("url", ["/", "/2024/agenda/", "/2024/sessions/opening/", "/2024/now/", "/zh-hans/2024/"])
def test_public_pages_carry_the_policy_when_rendered_and_when_cached(client, summit, url):
    rendered = client.get(url)
    cached = client.get(url)

    assert rendered.status_code == cached.status_code == 200
    policy = directives(rendered)
    assert policy["default-src"] == "'self'"
    assert policy["script-src"] == "'self'"
    assert policy["object-src"] == "'none'"
    assert cached["Content-Security-Policy"] == rendered["Content-Security-Policy"]


def test_the_admin_and_the_desk_carry_the_policy_too(organiser_client, summit):
    for url in ["/admin/", "/admin/agenda/session/", "/checkin/", "/admin/login/"]:
        response = organiser_client.get(url)
        assert response.status_code in (200, 302), url
        assert directives(response)["default-src"] == "'self'", url


def test_frames_are_refused_by_both_headers(client, summit):
    response = client.get("/")

    assert response["X-Frame-Options"] == "DENY"
    assert directives(response)["frame-ancestors"] == "'none'"


def test_no_template_holds_inline_script_event_handlers_or_style_elements():
    offenders = []
    for path in sorted(TEMPLATES.rglob("*.html")):
        name = path.relative_to(TEMPLATES).as_posix()
        if name.startswith("emails/"):
            continue  # emails are read in mail clients, not under the site's policy
        source = path.read_text()
        for kind, pattern in [("script", INLINE_SCRIPT), ("handler", EVENT_HANDLER), ("style", STYLE_ELEMENT)]:
            offenders += [f"{name}: inline {kind}" for _ in pattern.finditer(source)]

    assert offenders == []


def test_the_admin_change_lists_own_style_element_is_the_one_the_policy_allows():
    # Django's change list adds this <style> when a list has no actions (e.g. for view-only staff).
    source = (Path(django.contrib.admin.__file__).parent / "templates/admin/change_list.html").read_text()
    (style,) = re.findall(r"<style>(.*?)</style>", source, re.S)

    assert sha256(style) in settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["style-src"]


def test_the_export_forms_select_all_handler_is_the_one_the_policy_allows():
    source = (Path(import_export.__file__).parent / "templates/admin/import_export/export.html").read_text()
    (handler,) = re.findall(r'onchange="([^"]*)"', source)

    assert sha256(handler) in settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["script-src-attr"]


def request_from(remote, forwarded=None):
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **headers)


def test_without_a_trusted_proxy_the_address_is_the_connections():
    assert client_ip(request_from("198.51.100.7", "192.0.2.1")) == "198.51.100.7"


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_one_proxy_the_address_is_the_one_it_appended():
    assert client_ip(request_from("10.0.0.5", "192.0.2.1, 198.51.100.7")) == "198.51.100.7"
    assert client_ip(request_from("10.0.0.5", "198.51.100.7")) == "198.51.100.7"
    assert client_ip(request_from("10.0.0.5")) == "10.0.0.5"


@override_settings(TRUSTED_PROXY_COUNT=2)
def test_behind_two_proxies_the_address_is_the_one_the_outer_proxy_appended():
    assert client_ip(request_from("10.0.0.6", "192.0.2.1, 198.51.100.7, 10.0.0.5")) == "198.51.100.7"


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_a_forwarded_value_that_is_no_address_is_ignored():
    assert client_ip(request_from("10.0.0.5", "198.51.100.7, not-an-address")) == "10.0.0.5"
    assert client_ip(request_from("10.0.0.5", " 2001:db8::1 ")) == "2001:db8::1"
