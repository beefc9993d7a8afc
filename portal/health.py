"""Health endpoints for the load balancer and monitoring, cheap and never cached:

/healthz  the process answers (no database, no cache: a restart will not help a database)
/readyz   the database and the cache answer; 503 naming the part that does not otherwise
"""

import logging
import uuid

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


@never_cache
@require_safe
def healthz(request):
    return HttpResponse("ok\n", content_type="text/plain; charset=utf-8")


def _database():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        logger.warning("readyz: the database does not answer: %s", error.__class__.__name__)
        return "unavailable"
    return "ok"


def _cache():
    # A cache that swallows its errors (or stores nothing) reads back nothing: also a failure.
    key = f"readyz:{uuid.uuid4().hex}"
    try:
        cache.set(key, "1", 10)
        answered = cache.get(key) == "1"
        cache.delete(key)
    except Exception as error:  # every backend has its own errors (redis, memcached, files)
        logger.warning("readyz: the cache does not answer: %s", error.__class__.__name__)
        return "unavailable"
    if not answered:
        logger.warning("readyz: the cache did not keep a value")
        return "unavailable"
    return "ok"


@never_cache
@require_safe
def readyz(request):
    parts = {"database": _database(), "cache": _cache()}
    ready = all(state == "ok" for state in parts.values())
    return JsonResponse(
        {"status": "ok" if ready else "unavailable", **parts}, status=200 if ready else 503
    )
