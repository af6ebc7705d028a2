from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from agenda.middleware import ADMIN_ZONE_CACHE_KEY
from agenda.models import Edition


@receiver([post_save, post_delete], sender=Edition)
def forget_admin_time_zone(**kwargs):
    cache.delete(ADMIN_ZONE_CACHE_KEY)
