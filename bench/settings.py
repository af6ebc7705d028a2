"""Settings for bench/throughput.py: the site's own, plus a trivial view to compare its pages with."""

from wicplanner.settings.base import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
