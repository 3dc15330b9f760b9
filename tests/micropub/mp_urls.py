"""django-indieweb's endpoints under /indieweb/ (Micropub at /indieweb/micropub/), and the
uploaded files at their public addresses (/media/…), as a site serves them."""

from django.conf import settings
from django.urls import include, path, re_path
from django.views.static import serve

urlpatterns = [
    path("indieweb/", include("indieweb.urls")),
    re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
]
