"""The current 2024 edition most page tests use; a module may define its own `edition`."""

import datetime as dt

import pytest
from django.utils import timezone

from tests.factories import EditionFactory


@pytest.fixture
def edition():
    return EditionFactory(
        slug="2024",
        name="2024 Wuzhen Summit",
        start_date=dt.date(2024, 11, 19),
        end_date=dt.date(2024, 11, 22),
        is_current=True,
    )


@pytest.fixture
def upcoming_edition():
    """An edition that starts in two months, whatever the day the tests run."""
    start = timezone.now().date() + dt.timedelta(days=60)
    return EditionFactory(
        slug="upcoming",
        name="Upcoming Wuzhen Summit",
        year=start.year,
        start_date=start,
        end_date=start + dt.timedelta(days=3),
    )
