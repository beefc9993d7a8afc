"""Django's Redis cache, tolerant of Redis being away.

With REDIS_URL set, the page cache, the public forms' rate limit and Wagtail's own caching live
in Redis, shared by every app server. Redis is an accelerator here, never a dependency: when it
is stopped or unreachable each operation logs the error and behaves as a miss (reads) or does
nothing (writes), so pages are still rendered and served from the database. After a failure the
server is left alone for RETRY_AFTER seconds, so a dead Redis costs no connection attempt (and
no timeout) on every request.
"""

import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger(__name__)

# Seconds to skip Redis after an error before trying again.
RETRY_AFTER = 5.0


class TolerantRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._down_until = 0.0
        self._lock = threading.Lock()

    def _call(self, operation, fallback, *args, **kwargs):
        if time.monotonic() < self._down_until:
            return fallback
        try:
            return getattr(super(), operation)(*args, **kwargs)
        except ValueError:
            # incr() of a missing key: the caller's business, as with any backend.
            raise
        except Exception as error:  # any Redis or socket error means "away"
            with self._lock:
                first = time.monotonic() >= self._down_until
                self._down_until = time.monotonic() + RETRY_AFTER
            if first:
                logger.error(
                    "Redis cache unavailable (%s: %s); serving without it",
                    type(error).__name__,
                    error,
                )
            return fallback

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("add", False, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._call("get", default, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set", None, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", False, key, timeout, version)

    def delete(self, key, version=None):
        return self._call("delete", False, key, version)

    def get_many(self, keys, version=None):
        return self._call("get_many", {}, keys, version)

    def has_key(self, key, version=None):
        return self._call("has_key", False, key, version)

    def incr(self, key, delta=1, version=None):
        # Counting without Redis: as if the counter had just started (the rate limit of the
        # public forms is off while Redis is away, the forms keep working).
        return self._call("incr", delta, key, delta, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set_many", list(data), data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", None, keys, version)

    def clear(self):
        return self._call("clear", False)
