"""The printable badge: who gets one, what it shows, and its short badge code (printed, and in the QR code)."""

import datetime as dt
import itertools
import re

import pytest
import segno
from django.contrib.staticfiles import finders
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from attendees import models, services, tokens
from attendees.enums import RegistrationStatus
from attendees.models import BADGE_CODE_ALPHABET, Registration
from tests.factories import EditionFactory
from tests.factories.attendees import RegistrationFactory, delegate_data, open_registration

pytestmark = pytest.mark.django_db

CODE_SHAPE = re.compile(f"(?=.*[2-9])(?=.*[A-Z])[{BADGE_CODE_ALPHABET}]{{8}}")


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
    assert "no-store" in response["Cache-Control"] and response["Referrer-Policy"] == "same-origin"


def test_the_badge_prints_its_code_in_two_groups(client, approved):
    approved.badge_code = "K7QXM4TB"
    approved.save()

    page = client.get(badge_url(approved)).content.decode()

    printed = re.search(r'<p class="delegate-badge-code">.*?</span>([^<]+)</p>', page, re.S).group(1)
    assert printed == "K7QX-M4TB"
    assert '<strong class="badge-code-inline">K7QX-M4TB</strong>' in page


def test_the_badge_prints_on_a6_without_margins():
    with open(finders.find("css/badge.css"), encoding="utf-8") as css:
        text = css.read()

    assert "@page { size: 105mm 148mm; margin: 0; }" in text  # A6, in the units every browser knows
    assert "@media print" in text


def test_the_qr_code_carries_exactly_the_badge_code_of_the_registration(client, approved):
    page = client.get(badge_url(approved)).content.decode()

    code = approved.badge_code
    expected_svg = segno.make(code, error="m").svg_inline(scale=4, omitsize=True, svgclass="badge-qr-code")
    svg = re.search(r"<svg .*?</svg>", page, re.S).group(0)
    assert re.sub(r"<title>.*?</title>", "", svg) == expected_svg
    assert qr_matrix_from_svg(svg) == [list(map(int, row)) for row in segno.make(code, error="m").matrix_iter()]
    assert tokens.registration_from_badge_code(code) == approved


def test_the_qr_code_decodes_to_the_printed_code(client, approved):
    """Scan the QR code as a door scanner would, from an image of the modules in the page."""
    zxingcpp = pytest.importorskip("zxingcpp", reason="pip install zxing-cpp to decode the QR image")
    from PIL import Image

    page = client.get(badge_url(approved)).content.decode()
    matrix = qr_matrix_from_svg(re.search(r"<svg .*?</svg>", page, re.S).group(0))
    image = Image.new("L", (len(matrix), len(matrix)), 255)
    image.putdata([0 if dark else 255 for row in matrix for dark in row])
    image = image.resize((len(matrix) * 8, len(matrix) * 8), Image.NEAREST)

    results = zxingcpp.read_barcodes(image)

    printed = re.search(r'<p class="delegate-badge-code">.*?</span>([^<]+)</p>', page, re.S).group(1)
    assert [result.text for result in results] == [approved.badge_code]
    assert results[0].text == printed.replace("-", "")
    assert tokens.registration_from_badge_code(results[0].text) == approved


def test_a_checked_in_delegate_keeps_the_badge(client, approved):
    approved.status = RegistrationStatus.CHECKED_IN
    approved.checked_in_at = approved.created_at
    approved.save()

    assert client.get(badge_url(approved)).status_code == 200


def test_a_submitted_registration_has_no_badge_yet(client, approved):
    approved.status = RegistrationStatus.SUBMITTED
    approved.save()

    response = client.get(badge_url(approved))

    assert response.status_code == 403
    page = response.content.decode()
    assert "No badge yet" in page and "once the organisers have approved" in page
    assert "<svg" not in page
    assert approved.printed_badge_code not in page


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


# -- the badge code ---------------------------------------------------------------------------------


def test_a_new_registration_gets_a_badge_code_from_the_service():
    edition = open_registration(EditionFactory())

    registration = services.registration_create(edition=edition, data=delegate_data(1))

    registration.refresh_from_db()
    assert CODE_SHAPE.fullmatch(registration.badge_code)
    assert registration.printed_badge_code == f"{registration.badge_code[:4]}-{registration.badge_code[4:]}"


def test_badge_codes_are_well_formed_and_distinct_for_many_registrations():
    edition = EditionFactory()
    registrations = RegistrationFactory.create_batch(300, edition=edition)

    codes = [r.badge_code for r in registrations]
    assert all(CODE_SHAPE.fullmatch(code) for code in codes)
    assert len(set(codes)) == 300
    assert sorted(Registration.objects.values_list("badge_code", flat=True)) == sorted(codes)


def test_a_generated_code_that_is_taken_is_drawn_again(monkeypatch):
    RegistrationFactory(edition=EditionFactory(), badge_code="K7QXM4TB")
    drawn = itertools.chain("K7QXM4TB", "K7QXM4TC")
    monkeypatch.setattr(models.secrets, "choice", lambda alphabet: next(drawn))

    assert models.new_badge_code() == "K7QXM4TC"


def test_a_code_without_a_digit_or_without_a_letter_is_drawn_again(monkeypatch):
    drawn = itertools.chain("WANGCHEN", "23456789", "WANGCHE7")
    monkeypatch.setattr(models.secrets, "choice", lambda alphabet: next(drawn))

    assert models.random_badge_code() == "WANGCHE7"


def test_the_database_refuses_two_registrations_with_one_badge_code():
    RegistrationFactory(edition=EditionFactory(), badge_code="K7QXM4TB")

    with pytest.raises(IntegrityError), transaction.atomic():
        RegistrationFactory(edition=EditionFactory(), badge_code="K7QXM4TB")


@pytest.mark.parametrize("alphabet_excludes", ["0", "O", "1", "I", "L", "U"])
def test_the_alphabet_has_no_characters_that_read_alike(alphabet_excludes):
    assert alphabet_excludes not in BADGE_CODE_ALPHABET


@pytest.mark.parametrize("typed", ["K7QXM4TB", "k7qx-m4tb", "K7QX M4TB", " k7qx – m4tb ", "Ｋ７ＱＸ－Ｍ４ＴＢ"])
def test_a_badge_code_is_found_however_it_is_typed(typed):
    registration = RegistrationFactory(edition=EditionFactory(), badge_code="K7QXM4TB")

    assert tokens.registration_from_badge_code(typed) == registration


@pytest.mark.parametrize("typed", ["K7QXM4T", "K7QXM4TBB", "K7QXM4T0", "", "MASSEN4ß"])
def test_what_is_not_a_badge_code_finds_nothing(typed):
    RegistrationFactory(edition=EditionFactory(), badge_code="K7QXM4TB")

    assert tokens.registration_from_badge_code(typed) is None


@pytest.mark.django_db(transaction=True)
def test_the_migration_gives_existing_registrations_distinct_codes():
    edition = EditionFactory()
    executor = MigrationExecutor(connection)
    before = [("attendees", "0002_staff_group_permissions")]
    after = [("attendees", "0003_registration_badge_code")]
    executor.migrate(before)
    try:
        old_apps = executor.loader.project_state(before).apps
        OldRegistration = old_apps.get_model("attendees", "Registration")
        assert "badge_code" not in {field.name for field in OldRegistration._meta.get_fields()}
        OldRegistration.objects.bulk_create(
            OldRegistration(
                edition_id=edition.pk,
                name=f"Delegate {n}",
                email=f"delegate{n}@example.org",
                organisation="Ministry",
                position="Director",
                country="KE",
                category="government",
                consented_at=edition.programme_changed_at,
                token_key=f"key-{n}",
            )
            for n in range(1200)  # more than one batch of the migration's updates
        )

        executor = MigrationExecutor(connection)
        executor.migrate(after)

        new_apps = executor.loader.project_state(after).apps
        codes = list(new_apps.get_model("attendees", "Registration").objects.values_list("badge_code", flat=True))
        assert len(codes) == 1200
        assert all(CODE_SHAPE.fullmatch(code) for code in codes)
        assert len(set(codes)) == 1200
    finally:
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes())


# -- the badge code in the back office --------------------------------------------------------------


def test_the_admin_shows_the_badge_code_read_only(organiser_client):
    registration = RegistrationFactory(edition=EditionFactory(), badge_code="K7QXM4TB")

    page = organiser_client.get(reverse("admin:attendees_registration_change", args=[registration.pk]))

    assert page.status_code == 200
    text = page.content.decode()
    assert "K7QX-M4TB" in text
    assert 'name="badge_code"' not in text
    organiser_client.post(
        reverse("admin:attendees_registration_change", args=[registration.pk]),
        {"badge_code": "ZZZZ2222", "name": registration.name},
    )
    registration.refresh_from_db()
    assert registration.badge_code == "K7QXM4TB"


@pytest.mark.parametrize("typed", ["K7QX-M4TB", "k7qxm4tb", "k7qx m4tb", "M4TB"])
def test_the_admin_finds_a_registration_by_its_badge_code(organiser_client, typed):
    edition = EditionFactory()
    registration = RegistrationFactory(edition=edition, badge_code="K7QXM4TB")
    RegistrationFactory(edition=edition, badge_code="A2B3C4D5")

    page = organiser_client.get(reverse("admin:attendees_registration_changelist"), {"q": typed}, follow=True)

    assert list(page.context["cl"].result_list) == [registration]


def test_a_badge_code_taken_by_a_concurrent_registration_is_drawn_again(monkeypatch):
    """Two registrations that drew the same code at the same moment: the second gets a new one, not an error."""
    edition = open_registration(EditionFactory())
    first = services.registration_create(edition=edition, data=delegate_data(1))
    taken = first.badge_code
    # The generator checks the database first; a concurrent insert slips in after that check.
    monkeypatch.setattr(Registration._meta.get_field("badge_code"), "default", lambda: taken)

    second = services.registration_create(edition=edition, data=delegate_data(2))

    assert second.badge_code not in ("", taken)
    assert Registration.objects.count() == 2


def test_the_badge_names_the_days_of_an_edition_across_two_months(client):
    edition = open_registration(EditionFactory(start_date=dt.date(2031, 11, 30), end_date=dt.date(2031, 12, 2)))
    registration = services.registration_create(edition=edition, data=delegate_data(1))
    services.registration_approve(registration=registration)

    page = client.get(reverse("attendees:badge", args=[edition.slug, tokens.link_token(registration)])).content.decode()

    assert "Wuzhen · 30 November – 2 December 2031" in page
