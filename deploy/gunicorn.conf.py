"""gunicorn's configuration in production: `gunicorn -c deploy/gunicorn.conf.py portal.wsgi`.

Every value an operator may change comes from the environment (README, Configuration)."""

import multiprocessing
import os

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

# The access log names the path, never the query string: search terms and the finder's
# school, area and language say something about a family and stay out of logs.
_access_log = os.environ.get("GUNICORN_ACCESS_LOG", "-")
accesslog = None if _access_log in {"", "off"} else _access_log
access_log_format = '%(h)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms'
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
