from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgendaConfig(AppConfig):
    name = "agenda"
    verbose_name = _("Programme")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from agenda import signals  # noqa: F401  (cache invalidation)
        from agenda.countries import use_reading_order

        use_reading_order()
