"""The demo: what `manage.py load_demo` and `manage.py generate_summit` put in the database.

- data/: the demo programme as YAML files an organiser can read and edit (see data/README.md);
- reader.py reads and checks them, writer.py writes them to the database, loader.py (`demo_load`) does both;
- pictures.py draws the sample pictures of demo and synthetic exhibits;
- synthetic.py (`summit_generate`) makes a synthetic edition of any size for tests and benchmarks.
"""
