from . import awards, competitions, edition, expo, people, releases, session  # noqa: F401  (registers the admin classes)
