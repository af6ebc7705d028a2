import datetime as dt

import factory
from django.utils import timezone

from attendees.enums import DelegateCategory
from attendees.models import Registration


def open_registration(edition, **extra):
    """Give an edition a registration window that is open now."""
    edition.registration_opens_at = timezone.now() - dt.timedelta(days=1)
    edition.registration_closes_at = timezone.now() + dt.timedelta(days=30)
    for name, value in extra.items():
        setattr(edition, name, value)
    edition.save()
    return edition


def delegate_data(n=0, **overrides):
    data = {
        "name": f"Delegate {n}",
        "email": f"delegate{n}@example.org",
        "organisation": "Ministry of Digital Affairs",
        "position": "Director",
        "country": "KE",
        "category": DelegateCategory.GOVERNMENT,
    }
    data.update(overrides)
    return data


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    name = factory.Sequence(lambda n: f"Delegate {n}")
    email = factory.Sequence(lambda n: f"delegate{n}@example.org")
    organisation = "Ministry of Digital Affairs"
    position = "Director"
    country = "KE"
    category = DelegateCategory.GOVERNMENT
    consented_at = factory.LazyFunction(timezone.now)
