"""The public forms' addresses, inside i18n_patterns (portal/urls.py), so that a visitor who
reads the site in another language posts to /<language>/… and is answered in it."""

from django.urls import path

from . import views

app_name = "feedback"

urlpatterns = [
    path("aterkoppling/", views.answer, name="answer"),
    path("aterkoppling/kommentar/", views.comment, name="comment"),
    path("bli-kontaktad/", views.callback, name="callback"),
]
