from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AttendeesConfig(AppConfig):
    name = "attendees"
    verbose_name = _("Delegates")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Fills the outbox's registry of senders in every process (web, worker, tests).
        from attendees import emails, release_notices  # noqa: F401
