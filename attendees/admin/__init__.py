"""The organisers' back office for registrations (the admin's app module: importing it registers them)."""

from attendees.admin.notifications import NotificationAdmin
from attendees.admin.registration import RegistrationAdmin

__all__ = ["NotificationAdmin", "RegistrationAdmin"]
