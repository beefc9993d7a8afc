"""Request ids and the log formats.

RequestLogMiddleware (first in MIDDLEWARE) gives each request an id: the caller's
`X-Request-ID` when it is a plain token (so a proxy's id follows the request through), else a
new one. It is returned in the `X-Request-ID` header, and every record logged while the request
runs carries it, with the method and the path (never the query string, which may hold what a
visitor typed). One line per request is logged at the end: status and duration.

The formatters write named fields only. A record's other attributes (django.request attaches the
request itself, with its POST data) are never written, so nothing a form submitted reaches a log.
"""

import contextvars
import datetime
import json
import logging
import re
import time
import uuid

# Letters, digits and . _ - only, as proxies write ids (uuid, hex, base64url): nothing that
# could forge a log line or a header.
SAFE_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{8,128}")
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")
FIELDS = ("request_id", "method", "path", "status", "duration_ms")

_request = contextvars.ContextVar("portal_request", default=None)
logger = logging.getLogger("portal.request")


def _printable(text):
    """The text with control characters escaped: a path with a newline stays on one line."""
    return CONTROL_CHARACTERS.sub(lambda match: f"\\x{ord(match.group()):02x}", text)


def request_id_for(request):
    incoming = request.headers.get("X-Request-ID", "")
    return incoming if SAFE_REQUEST_ID.fullmatch(incoming) else uuid.uuid4().hex


class RequestLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.request_id = request_id_for(request)
        context = {
            "request_id": request.request_id,
            "method": _printable(request.method or ""),
            "path": _printable(request.path),
        }
        token = _request.set(context)
        started = time.monotonic()
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = request.request_id
            duration = round((time.monotonic() - started) * 1000, 1)
            logger.info(
                "%s %s %s",
                context["method"],
                context["path"],
                response.status_code,
                extra={"status": response.status_code, "duration_ms": duration},
            )
            return response
        finally:
            _request.reset(token)


class RequestContextFilter(logging.Filter):
    """Adds the running request's id, method and path to every record (blank outside one)."""

    def filter(self, record):
        context = _request.get()
        request = getattr(record, "request", None)
        if context is None and hasattr(request, "request_id"):
            # django.request logs a 4xx after the middleware has returned.
            context = {
                "request_id": request.request_id,
                "method": _printable(request.method or ""),
                "path": _printable(request.path),
            }
        context = context or {}
        for field in ("request_id", "method", "path"):
            if not hasattr(record, field):
                setattr(record, field, context.get(field, ""))
        # django.request names the status of a 4xx or 5xx it logs.
        if not hasattr(record, "status") and hasattr(record, "status_code"):
            record.status = record.status_code
        return True


_context_filter = RequestContextFilter()


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, then the request's fields."""

    def format(self, record):
        _context_filter.filter(record)
        entry = {
            "time": datetime.datetime.fromtimestamp(record.created, datetime.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for field in FIELDS:
            value = getattr(record, field, None)
            if value not in (None, ""):
                entry[field] = value
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


class TextFormatter(logging.Formatter):
    """For a person at a terminal: time, level, logger, request id, message."""

    def __init__(self):
        super().__init__("%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s")

    def format(self, record):
        _context_filter.filter(record)
        return super().format(record)
