"""Settings read from the environment, with safe defaults for development.

Production differs only by environment variables (see `.env.example`).
"""

from pathlib import Path

import environ
from bootstrap_wrapper import get_bootstrap_dir
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy

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
    "agenda",
    "attendees",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "wicplanner.i18n.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "wicplanner.middleware.RefuseUnsafeQueryMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "agenda.middleware.AdminTimeZoneMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
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
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

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
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
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

if not DEBUG:
    SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=True)
    CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

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

# The outbox (attendees.outbox): queued emails are sent by `manage.py send_notifications --loop`, and, when
# this is on, by a thread of the web process as soon as the transaction that queued them commits.
OUTBOX_SEND_AFTER_COMMIT = env.bool("OUTBOX_SEND_AFTER_COMMIT", default=True)
# How often the worker looks for emails that fell due (retries after a failure).
OUTBOX_POLL_SECONDS = env.float("OUTBOX_POLL_SECONDS", default=5.0)
