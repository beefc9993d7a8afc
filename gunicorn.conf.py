"""gunicorn reads this file from the folder it starts in: its own lines (start, workers, timeouts)
in the site's log format, so production logs are one JSON object per line throughout
(LOG_FORMAT, README "Operations")."""

import multiprocessing
import os

# Every value an operator may change comes from the environment (README, Configuration).
bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
# Synchronous workers: the pages are rendered (or read from the cache) without waiting on
# anything slow, and background work runs in the task worker, not in a request.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
# A request that takes longer than this is killed and logged; the proxy answers 502.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
# Connections from the proxy in front are kept open between its requests.
keepalive = 5
# Workers are replaced now and then, so a slow leak never grows without bound.
max_requests = 2000
max_requests_jitter = 200
# The heartbeat file on shared memory: a container's /tmp may be a slow overlay.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108
# X-Forwarded-Proto/-For are believed only from the proxy in front (comma-separated).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

if os.environ.get("LOG_FORMAT", "json") == "json":
    logconfig_dict = {
        "formatters": {"generic": {"()": "portal.logs.JsonFormatter"}},
        "loggers": {
            # Not passed on to the root logger, where Django's handler would write them again.
            "gunicorn.error": {
                "level": "INFO",
                "handlers": ["error_console"],
                "propagate": False,
                "qualname": "gunicorn.error",
            },
            # No access log of gunicorn's own: portal.request logs each request, with its id
            # and without the visitor's address or browser.
            "gunicorn.access": {
                "level": "WARNING",
                "handlers": [],
                "propagate": False,
                "qualname": "gunicorn.access",
            },
        },
    }
