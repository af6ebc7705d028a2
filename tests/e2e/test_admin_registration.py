"""An organiser opens delegate registration for an edition in the admin; the public register page offers the form."""

import datetime as dt
import zoneinfo

import pytest
from django.utils import timezone

from agenda.models import Edition
from tests.factories import EditionFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")


def test_organiser_opens_registration_and_the_register_page_shows_the_form(admin_page, expect):
    page = admin_page
    start = timezone.now().date() + dt.timedelta(days=60)
    # Not the browser's zone (Asia/Shanghai): the admin must not add its "hours behind" notes.
    edition = EditionFactory(
        slug="berlin",
        year=start.year,
        start_date=start,
        end_date=start + dt.timedelta(days=2),
        time_zone="Europe/Berlin",
    )
    opens = (timezone.now() - dt.timedelta(days=1)).astimezone(BERLIN).replace(minute=0, second=0, microsecond=0)
    closes = dt.datetime.combine(start - dt.timedelta(days=7), dt.time(18, 0), tzinfo=BERLIN)

    page.goto("/berlin/register/")
    expect(page.locator("form.registration-form")).to_have_count(0)

    page.goto(f"/admin/agenda/edition/{edition.pk}/change/")
    expect(page.locator(".time-zone-note")).to_have_text(
        "Times on this form are in Central European Time (Europe/Berlin), the edition’s time zone."
    )
    expect(page.locator("fieldset", has_text="Delegate registration")).to_be_visible()
    page.locator("#id_registration_opens_at_0").fill(opens.strftime("%Y-%m-%d"))
    page.locator("#id_registration_opens_at_1").fill(opens.strftime("%H:%M"))
    page.locator("#id_registration_closes_at_0").fill(closes.strftime("%Y-%m-%d"))
    page.locator("#id_registration_closes_at_1").fill("18:00")
    page.locator("#id_registration_cap").fill("500")
    expect(page.locator(".timezonewarning:visible")).to_have_count(0)
    page.locator("input[type=submit][name=_save]").click()

    expect(page.locator("ul.messagelist li.success")).to_contain_text("was changed successfully")
    expect(page.locator("#result_list tr", has_text=edition.name)).to_contain_text("Open")
    edition = Edition.objects.get(pk=edition.pk)
    assert (edition.registration_opens_at, edition.registration_closes_at, edition.registration_cap) == (
        opens,
        closes,
        500,
    )

    page.goto("/berlin/register/")
    expect(page.locator("form.registration-form")).to_be_visible()
    expect(page.locator("form.registration-form [name=email]")).to_be_visible()
