"""The printable badge: who gets one, what it shows, and that its QR code carries the signed badge code."""

import re

import pytest
import segno
from django.contrib.staticfiles import finders
from django.urls import reverse

from attendees import tokens, views
from attendees.enums import RegistrationStatus
from tests.factories import EditionFactory
from tests.factories.attendees import RegistrationFactory

pytestmark = pytest.mark.django_db


def badge_url(registration, token=None):
    return reverse("attendees:badge", args=[registration.edition.slug, token or tokens.link_token(registration)])


@pytest.fixture
def approved():
    return RegistrationFactory(
        edition=EditionFactory(name="2031 World Internet Conference Wuzhen Summit"),
        name="Ngozi Okonjo",
        organisation="Ministry of Communications",
        position="Permanent Secretary",
        category="international",
        status=RegistrationStatus.APPROVED,
    )


@pytest.fixture
def issued_codes(monkeypatch):
    """The badge codes the page put into its QR codes (a code carries its signing time, so each is new)."""
    codes = []

    def recording_badge_code(registration):
        codes.append(tokens.badge_code(registration))
        return codes[-1]

    monkeypatch.setattr(views, "badge_code", recording_badge_code)
    return codes


def qr_matrix_from_svg(svg):
    """Read the dark modules back from segno's SVG path ("M x y.5 h n m dx dy ..."), quiet zone included."""
    view_box = re.search(r'viewBox="0 0 (\d+) (\d+)"', svg)
    scale = int(re.search(r'transform="scale\((\d+)\)"', svg).group(1))
    size = int(view_box.group(1)) // scale
    path = re.search(r' d="([^"]+)"', svg).group(1)
    matrix = [[0] * size for _ in range(size)]
    x = y = 0.0
    for command, numbers in re.findall(r"([Mmh])([-\d.\s]+)", path):
        values = [float(v) for v in numbers.split()]
        if command == "M":
            x, y = values
        elif command == "m":
            x, y = x + values[0], y + values[1]
        else:
            for column in range(int(x), int(x + values[0])):
                matrix[int(y)][column] = 1
            x += values[0]
    return matrix


def test_an_approved_delegate_gets_a_printable_badge(client, approved):
    response = client.get(badge_url(approved))

    assert response.status_code == 200
    page = response.content.decode()
    for text in (
        "Ngozi Okonjo",
        "Ministry of Communications",
        "Permanent Secretary",
        "International organisation",
        "2031 World Internet Conference Wuzhen Summit",
    ):
        assert text in page
    assert f"--category: {approved.colour}" in page
    assert approved.colour == "#175cd3"
    assert '<svg viewBox="0 0' in page and 'class="badge-qr-code"' in page
    assert "css/badge.css" in page
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert "no-store" in response["Cache-Control"] and response["Referrer-Policy"] == "no-referrer"


def test_the_badge_prints_on_a6_without_margins():
    with open(finders.find("css/badge.css"), encoding="utf-8") as css:
        text = css.read()

    assert "@page { size: 105mm 148mm; margin: 0; }" in text  # A6, in the units every browser knows
    assert "@media print" in text


def test_the_qr_code_carries_exactly_the_signed_badge_code_of_the_registration(client, approved, issued_codes):
    page = client.get(badge_url(approved)).content.decode()

    assert len(issued_codes) == 1
    code = issued_codes[0]
    expected_svg = segno.make(code, error="m").svg_inline(scale=4, omitsize=True, svgclass="badge-qr-code")
    svg = re.search(r"<svg .*?</svg>", page, re.S).group(0)
    assert re.sub(r"<title>.*?</title>", "", svg) == expected_svg
    assert qr_matrix_from_svg(svg) == [list(map(int, row)) for row in segno.make(code, error="m").matrix_iter()]
    assert tokens.registration_from_badge(code) == approved


def test_the_qr_code_decodes_back_to_the_registration(client, approved, issued_codes):
    """Scan the QR code as a door scanner would, from an image of the modules in the page."""
    zxingcpp = pytest.importorskip("zxingcpp", reason="pip install zxing-cpp to decode the QR image")
    from PIL import Image

    page = client.get(badge_url(approved)).content.decode()
    matrix = qr_matrix_from_svg(re.search(r"<svg .*?</svg>", page, re.S).group(0))
    image = Image.new("L", (len(matrix), len(matrix)), 255)
    image.putdata([0 if dark else 255 for row in matrix for dark in row])
    image = image.resize((len(matrix) * 8, len(matrix) * 8), Image.NEAREST)

    results = zxingcpp.read_barcodes(image)

    assert [result.text for result in results] == issued_codes
    assert tokens.registration_from_badge(results[0].text) == approved


def test_a_checked_in_delegate_keeps_the_badge(client, approved):
    approved.status = RegistrationStatus.CHECKED_IN
    approved.checked_in_at = approved.created_at
    approved.save()

    assert client.get(badge_url(approved)).status_code == 200


def test_a_submitted_registration_has_no_badge_yet(client, approved, issued_codes):
    approved.status = RegistrationStatus.SUBMITTED
    approved.save()

    response = client.get(badge_url(approved))

    assert response.status_code == 403
    page = response.content.decode()
    assert "No badge yet" in page and "once the organisers have approved" in page
    assert "<svg" not in page
    assert issued_codes == []


@pytest.mark.parametrize("status", [RegistrationStatus.CANCELLED, RegistrationStatus.REJECTED])
def test_cancelled_and_rejected_registrations_have_no_badge(client, approved, status):
    approved.status = status
    approved.save()

    response = client.get(badge_url(approved))

    assert response.status_code == 403
    assert "<svg" not in response.content.decode()


def test_a_tampered_or_replaced_link_shows_no_badge(client, approved):
    token = tokens.link_token(approved)

    assert client.get(badge_url(approved, token[:-2] + ("AA" if token[-2:] != "AA" else "BB"))).status_code == 404
    approved.token_key = "replaced"
    approved.save()
    assert client.get(badge_url(approved, token)).status_code == 410


def test_a_long_name_gets_a_smaller_type_size(client, approved):
    approved.name = "Maria " + "de los Santos " * 4  # 62 characters
    approved.save()

    response = client.get(badge_url(approved))

    assert response.context["name_size"] == "md"


def test_html_in_the_details_is_printed_as_text(client, approved):
    approved.organisation = "<img src=x onerror=alert(1)>"
    approved.save()

    page = client.get(badge_url(approved)).content.decode()

    assert "<img src=x" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
