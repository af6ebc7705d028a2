from . import awards, competitions, edition, expo, identities, outcomes, people, releases, session  # noqa: F401  (registers the admin classes)
