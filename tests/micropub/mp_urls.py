"""django-indieweb's endpoints under /indieweb/ (Micropub at /indieweb/micropub/), the
uploaded files at their public addresses (/media/…), as a site serves them, and a reset for a
server shared by many test sessions (tests/micropub/server.py ``reset``)."""

import shutil
from pathlib import Path

import mp_handler
from django.conf import settings
from django.http import HttpResponse, HttpResponseForbidden
from django.urls import include, path, re_path
from django.views.decorators.csrf import csrf_exempt
from django.views.static import serve

RESET_SECRET = "smugdesk-tests-reset"  # a test server's switch, not a credential


@csrf_exempt
def reset(request):
    """Entries and uploaded files gone, as on a server just started (users and tokens stay)."""
    if request.method != "POST" or request.headers.get("X-Smugdesk-Reset") != RESET_SECRET:
        return HttpResponseForbidden()
    mp_handler.forget_everything()
    media = Path(settings.MEDIA_ROOT)
    shutil.rmtree(media, ignore_errors=True)
    media.mkdir(parents=True, exist_ok=True)
    return HttpResponse("reset")


urlpatterns = [
    path("indieweb/", include("indieweb.urls")),
    re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    path("smugdesk-tests/reset/", reset),
]
