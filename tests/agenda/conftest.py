"""The current 2024 edition most page tests use; a module may define its own `edition`."""

import datetime as dt

import pytest

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
