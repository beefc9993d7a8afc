"""What a visitor sees when the database cannot be reached: a Swedish 503 page with
Retry-After, never a traceback, and the site recovers by itself once the database is back
(Django opens a new connection for the next request; nothing to restart).

handler500 (portal/urls.py) rather than a middleware: Django turns an exception raised in any
middleware or view into a response at the place it was raised, so only the error handler sees
them all. The exception is the one being handled (sys.exc_info()). The page is rendered without
a request, context processors or database, like 500.html.
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.views import defaults

# Seconds a browser or a crawler is asked to wait before trying again.
RETRY_AFTER = 30


def database_unavailable():
    response = HttpResponse(loader.get_template("503.html").render(), status=503)
    response["Retry-After"] = str(RETRY_AFTER)
    response["Cache-Control"] = "no-store"
    return response


def server_error(request, template_name="500.html"):
    if isinstance(sys.exc_info()[1], OperationalError | InterfaceError):
        return database_unavailable()
    return defaults.server_error(request, template_name)
