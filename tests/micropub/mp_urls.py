"""django-indieweb's endpoints under /indieweb/ (Micropub at /indieweb/micropub/)."""

from django.urls import include, path

urlpatterns = [path("indieweb/", include("indieweb.urls"))]
