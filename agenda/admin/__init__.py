from . import awards, edition, expo, outcomes, people, releases, session  # noqa: F401  (registers the admin classes)
