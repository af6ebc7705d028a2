"""Settings read from the environment, with safe defaults for development.

Production differs only by environment variables: docs/settings.md describes each one.
"""

from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import environ
from bootstrap_wrapper import get_bootstrap_dir
from csp.constants import NONE, SELF, UNSAFE_HASHES, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy

from wicplanner.storage import media_storage

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env.str("SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "development-only-insecure-key-change-me"  # noqa: S105
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set when DEBUG is off.")

INSTALLED_APPS = [
    # Before the admin, so its translated fields show side by side in the admin.
    "modeltranslation",
    "wicplanner.admin_site.WicAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_countries",
    "import_export",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    "simple_history",
    "csp",
    "axes",
    "agenda",
    "attendees",
]

MIDDLEWARE = [
    # /healthz and /readyz, before the host check and the HTTPS redirect (a load balancer probes by address).
    "wicplanner.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside every page cache, so a page served from a cache carries the policy too.
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "wicplanner.i18n.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "wicplanner.middleware.RefuseUnsafeQueryMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "wicplanner.middleware.SharedCacheMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "agenda.middleware.AdminTimeZoneMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Turns a login refused by the throttle into the login page that says so.
    "axes.middleware.AxesMiddleware",
    # Last, so that it is asked first about a view's error: the database unavailable is a 503, not a 500.
    "wicplanner.failures.DatabaseUnavailableMiddleware",
]

ROOT_URLCONF = "wicplanner.urls"
WSGI_APPLICATION = "wicplanner.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "wicplanner.i18n.language_links",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "agenda.context_processors.editions",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"].setdefault("ATOMIC_REQUESTS", False)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several delegates submitting at once: writers wait their turn (IMMEDIATE takes the write lock when a
    # transaction begins, so none fails half-way with "database is locked"), and WAL lets pages read meanwhile.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A database that is down or hung answers within seconds (a 503, wicplanner/failures.py), not after the
    # server's own 30 s: connecting gives up after DATABASE_CONNECT_TIMEOUT, a statement after
    # DATABASE_STATEMENT_TIMEOUT (0: no limit; behind PgBouncer set it on the role instead).
    _options = DATABASES["default"].setdefault("OPTIONS", {})
    _options.setdefault("connect_timeout", env.int("DATABASE_CONNECT_TIMEOUT", default=5))
    _statement_ms = round(env.float("DATABASE_STATEMENT_TIMEOUT", default=15) * 1000)
    _options["options"] = f"{_options.get('options', '')} -c statement_timeout={_statement_ms}".strip()
    # A kept connection whose server stops answering (hung, or a stalled proxy that still accepts the bytes)
    # reaches neither timeout: every round trip gives up after DATABASE_WAIT_TIMEOUT (wicplanner/db/postgresql),
    # by default a little after the statement timeout, well before gunicorn's own 30 s.
    DATABASES["default"]["ENGINE"] = "wicplanner.db.postgresql"
    _wait_default = _statement_ms / 1000 + 2 if _statement_ms else 0
    _options.setdefault("wait_timeout", env.float("DATABASE_WAIT_TIMEOUT", default=_wait_default) or None)
    # Each process keeps its connection between requests (opening one costs about as much as a registration);
    # a kept connection that the server dropped (a restart) is replaced, not used for one failed request.
    if "conn_max_age" not in env.str("DATABASE_URL", default=""):
        DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)
    DATABASES["default"].setdefault("CONN_HEALTH_CHECKS", True)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    # A cache only: when Redis is down or hung, reads miss and writes are dropped after a short timeout, and Redis
    # is skipped for REDIS_PAUSE_SECONDS (wicplanner/cache.py). Pages get slower; nothing fails.
    CACHES = {
        "default": {
            "BACKEND": "wicplanner.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {
                "socket_connect_timeout": env.float("REDIS_TIMEOUT", default=0.5),
                "socket_timeout": env.float("REDIS_TIMEOUT", default=0.5),
                "pause_seconds": env.float("REDIS_PAUSE_SECONDS", default=5.0),
            },
        }
    }
else:
    # Room for a fragment per session of each feed and language (agenda.fragments) besides the pages.
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": 20000}}
    }
# The registration limiter counts in the cache; when it cannot count, the attempt goes through (attendees/ratelimit.py).
RATELIMIT_FAIL_OPEN = True

# The login throttle (django-axes) checks every attempt before the password is.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
# Each language is offered in its own name, whatever the page's language.
LANGUAGES = [("en", "English"), ("zh-hans", "简体中文")]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Dates in each language's own order, under names the templates use (see wicplanner/formats).
FORMAT_MODULE_PATH = ["wicplanner.formats"]
# Content (titles, names, descriptions) is kept in both languages (agenda/translation.py); a missing Chinese
# text is shown in English.
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_LANGUAGES = ("en", "zh-hans")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
# Slugs are made from the English title, whatever language the back office is in.
MODELTRANSLATION_PREPOPULATE_LANGUAGE = "en"
USE_I18N = True
# Country names whose Chinese in django-countries is wrong, outdated or not the one used in China: the names
# stay django-countries' in English, and the project's catalogue gives their Chinese (中国台湾, 尼泊尔 …).
# In Chinese the choices are sorted by pinyin (agenda/countries.py).
COUNTRIES_OVERRIDE = {
    "TW": gettext_lazy("Taiwan"),
    "HK": gettext_lazy("Hong Kong"),
    "MO": gettext_lazy("Macao"),
    "WS": gettext_lazy("Samoa"),
    "AS": gettext_lazy("American Samoa"),
    "NP": gettext_lazy("Nepal"),
    "TJ": gettext_lazy("Tajikistan"),
    "MK": gettext_lazy("North Macedonia"),
    "BA": gettext_lazy("Bosnia and Herzegovina"),
    "KG": gettext_lazy("Kyrgyzstan"),
    "DM": gettext_lazy("Dominica"),
    "KM": gettext_lazy("Comoros"),
    "LR": gettext_lazy("Liberia"),
    "ML": gettext_lazy("Mali"),
    "SR": gettext_lazy("Suriname"),
    "TT": gettext_lazy("Trinidad and Tobago"),
    "SJ": gettext_lazy("Svalbard and Jan Mayen"),
    "GF": gettext_lazy("French Guiana"),
}
# Stored in UTC; shown in each edition's own time zone.
USE_TZ = True
TIME_ZONE = "UTC"
SUMMIT_DEFAULT_TIME_ZONE = "Asia/Shanghai"

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static", ("bootstrap", get_bootstrap_dir())]
STORAGES = {
    # Uploaded pictures: on this server's disk, served by the app (wicplanner/media.py), or, when
    # AWS_STORAGE_BUCKET_NAME is set, in S3-compatible object storage, served from there or its CDN.
    "default": media_storage(env),
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")

# Uploads: images larger than this are refused before Pillow opens them.
MAX_IMAGE_UPLOAD_BYTES = env.int("MAX_IMAGE_UPLOAD_BYTES", default=5 * 1024 * 1024)
# Share cards (the pictures a shared link to a session or a speaker without a photo shows): the fonts tried
# in order, the first that exists wins; a collection (.ttc) gives its Simplified Chinese face. Without any,
# DejaVu, then Pillow's own font (which has no Chinese): the card is still drawn.
SHARE_CARD_FONTS = env.list(
    "SHARE_CARD_FONTS",
    default=[
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/truetype/noto/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    ],
)
SHARE_CARD_BOLD_FONTS = env.list(
    "SHARE_CARD_BOLD_FONTS",
    default=[
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
        "/usr/share/fonts/truetype/noto/NotoSansCJK-Bold.ttc",
        "/usr/share/fonts/noto-cjk/NotoSansCJK-Bold.ttc",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    ],
)
# Outcome documents (reports, consensus statements …) uploaded as PDF: larger files are refused.
OUTCOME_PDF_MAX_MB = env.int("OUTCOME_PDF_MAX_MB", default=20)
DATA_UPLOAD_MAX_NUMBER_FIELDS = 20000  # the admin changelist of a large edition posts many checkboxes

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

EMAIL_BACKEND = env.str(
    "EMAIL_BACKEND",
    default="django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
# Seconds an SMTP connection may wait on the server: a hung server fails the attempt, which the outbox retries.
EMAIL_TIMEOUT = env.float("EMAIL_TIMEOUT", default=10.0)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="WIC Planner <noreply@localhost>")

# HTTPS, security headers, the Content-Security-Policy and the login throttle: every value comes from the
# environment (docs/settings.md; deploy/production.env.example is a production environment that passes
# `check --deploy`).
#
# Reverse proxies in front of the app, each appending to X-Forwarded-For and setting X-Forwarded-Proto. Only
# then are those headers believed: a client that reaches the app directly could send any value.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
if TRUSTED_PROXY_COUNT < 0:
    raise ImproperlyConfigured("TRUSTED_PROXY_COUNT is the number of reverse proxies: 0 or more.")
if TRUSTED_PROXY_COUNT:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=False)
# Load balancers probe the health checks over plain HTTP, from inside.
SECURE_REDIRECT_EXEMPT = [r"^healthz/?$", r"^readyz/?$"]
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=False)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=not DEBUG)
SECURE_REFERRER_POLICY = env.str("SECURE_REFERRER_POLICY", default="same-origin")
X_FRAME_OPTIONS = env.str("X_FRAME_OPTIONS", default="DENY").upper()
if X_FRAME_OPTIONS not in ("DENY", "SAMEORIGIN"):
    raise ImproperlyConfigured("X_FRAME_OPTIONS must be DENY or SAMEORIGIN.")


def _origin(url):
    """The scheme and host of an absolute address ("https://cdn.example.org/media/" → "https://cdn.example.org")."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


# Pictures come from this site (data: for Bootstrap's and the admin's inline SVG icons), and from object storage
# when uploads live there: its custom domain, an absolute MEDIA_URL, and any origin named in CSP_IMG_SRC.
_image_sources = [
    SELF,
    "data:",
    *filter(None, [_origin(str(MEDIA_URL)), _origin(f"https://{env.str('AWS_S3_CUSTOM_DOMAIN', default='')}")]),
    *env.list("CSP_IMG_SRC", default=[]),
]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        # No inline script anywhere: every script is a file under static/. The one exception is a hash of
        # django-import-export's "select all" handler on its export form (tests/wicplanner/test_security_csp.py
        # checks that the installed template still has it).
        "script-src": [SELF],
        "script-src-attr": [UNSAFE_HASHES, "'sha256-wid4zL8fR53ZYy1ljOepzR77Dn6vWUUxuNnnWWBP3I8='"],
        # Style sheets are files; <style> elements are refused, except the one the admin's change list adds
        # when it has no actions (its hash, checked by the same tests). Style attributes stay allowed: they
        # carry data (organisers' topic colours, the agenda grid's rows and columns, fill-rate bars) and can
        # load nothing that img-src and font-src refuse.
        "style-src": [SELF, "'sha256-blvLUW3UscWqsXGByNOqdBboM+ShWAuugp2mC/wbafU='"],
        "style-src-attr": [UNSAFE_INLINE],
        "img-src": list(dict.fromkeys(_image_sources)),
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE if X_FRAME_OPTIONS == "DENY" else SELF],
        "upgrade-insecure-requests": SECURE_SSL_REDIRECT,
        "report-uri": env.str("CSP_REPORT_URI", default="") or None,
    },
}

# The admin login: after AXES_FAILURE_LIMIT wrong passwords for one username from one address, that username is
# refused from that address for AXES_COOLOFF_MINUTES (other people, and the same person elsewhere, are not).
# Attempts are kept in the database, so the throttle holds when the cache is down. Unlock early in the admin
# (Access attempts) or with `manage.py axes_reset_username <username>`.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.float("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_RESET_ON_SUCCESS = True
# The lock runs its cool-off from the moment it began, whatever is typed meanwhile, as the page says.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_CALLABLE = "wicplanner.security.login_locked_out"
AXES_VERBOSE = False  # no banner on every command; failures and lockouts are still logged
# The client's address, from X-Forwarded-For only behind TRUSTED_PROXY_COUNT proxies; the registration forms'
# rate limit counts by the same address.
AXES_CLIENT_IP_CALLABLE = "wicplanner.security.client_ip"
RATELIMIT_IP_META_KEY = "wicplanner.security.client_ip"

# Change history of sessions, exhibits, awards and registrations: read in the admin, never reverted from it
# (a registration's status, a session's seats … change through their services only).
SIMPLE_HISTORY_REVERT_DISABLED = True
# A revision's note holds what a form's inlines changed (speakers, run-of-show …): text of any length.
SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

IMPORT_EXPORT_SKIP_ADMIN_LOG = False
IMPORT_EXPORT_IMPORT_PERMISSION_CODE = "change"
IMPORT_EXPORT_EXPORT_PERMISSION_CODE = "view"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
}

# Organisers exchange spreadsheets: CSV and Excel only.
from import_export.formats.base_formats import CSV, XLSX  # noqa: E402

IMPORT_FORMATS = [CSV, XLSX]
EXPORT_FORMATS = [CSV, XLSX]

REST_FRAMEWORK = {
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_CLASSES": [],
}
SPECTACULAR_SETTINGS = {
    "TITLE": "WIC Planner API",
    "DESCRIPTION": "Read-only programme data: editions, sessions, speakers, organisations.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
}

# Where the site is reached, for links in emails (self-service, badges).
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
# Registration and resend forms per client address; "off" for load tests (a ministry shares one address).
REGISTRATION_RATE = env.str("REGISTRATION_RATE", default="30/m")
# "Send my link" emails to one registration or address per hour, whoever asks: the form cannot flood an inbox.
NEW_LINK_EMAILS_PER_HOUR = env.int("NEW_LINK_EMAILS_PER_HOUR", default=3)

# The outbox (attendees.outbox): queued emails are sent by `manage.py send_notifications --loop`, and, when
# this is on, by a thread of the web process as soon as the transaction that queued them commits.
OUTBOX_SEND_AFTER_COMMIT = env.bool("OUTBOX_SEND_AFTER_COMMIT", default=True)
# How often the worker looks for emails that fell due (retries after a failure).
OUTBOX_POLL_SECONDS = env.float("OUTBOX_POLL_SECONDS", default=5.0)
