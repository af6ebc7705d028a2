from . import edition, people, session  # noqa: F401  (registers the admin classes)
