"""The smallest Django project that serves django-indieweb's Micropub and media endpoints for
the tests: SQLite and uploads in the folder given by SMUGDESK_MICROPUB_DATA."""

import os
from pathlib import Path

DATA = Path(os.environ["SMUGDESK_MICROPUB_DATA"])

SECRET_KEY = "smugdesk-tests-only-not-a-secret"
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.sites",
    "indieweb",
]
MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]
ROOT_URLCONF = "mp_urls"
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": str(DATA / "db.sqlite3")}}
# Tables straight from the models (what pytest-django's --nomigrations does): 0.3 s instead of
# 2.5 s replaying every migration, same schema.
MIGRATION_MODULES = {app: None for app in ("auth", "contenttypes", "sessions", "sites", "indieweb")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
SITE_ID = 1
USE_TZ = True
MEDIA_ROOT = str(DATA / "media")
MEDIA_URL = "/media/"
# Entries live in one store shared by every request (the package's example handler is made
# anew per request, so its entries vanish): see mp_handler.py.
INDIEWEB_MICROPUB_HANDLER = "mp_handler.SharedEntries"
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"null": {"class": "logging.NullHandler"}},
    "root": {"handlers": ["null"]},
}
