from . import awards, edition, expo, identities, people, releases, session  # noqa: F401  (registers the admin classes)
