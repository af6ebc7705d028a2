"""Django's PostgreSQL backend, with a limit on how long one round trip to the server may take (base.py)."""
