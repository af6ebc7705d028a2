from . import awards, edition, expo, people, session  # noqa: F401  (registers the admin classes)
