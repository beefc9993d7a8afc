"""Values looked up once per public request and kept in process memory until it ends: the
active locale, the view restrictions, the translations of a page. Several template tags,
filters and Wagtail hooks ask for the same rows; without this each asks the database again.

Nothing outlives the request, so an edit is seen by the next request at once (no shared cache,
nothing to invalidate). Outside a request (the admin, commands, tasks) every call computes."""

import contextvars

ADMIN_PREFIX = "/admin/"

_store = contextvars.ContextVar("portal_request_cache", default=None)


def cached(key, compute):
    """compute() once per request for `key`; every call outside a public request computes."""
    store = _store.get()
    if store is None:
        return compute()
    if key not in store:
        store[key] = compute()
    return store[key]


def active():
    """Whether a public request's store is open."""
    return _store.get() is not None


class RequestCacheMiddleware:
    """Opens the per-request store for GET and HEAD requests outside the admin (where an
    editor's change and its re-read can share a request). Django renders a TemplateResponse
    inside get_response, so template tags share the store too."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD") or request.path.startswith(ADMIN_PREFIX):
            return self.get_response(request)
        token = _store.set({})
        try:
            return self.get_response(request)
        finally:
            _store.reset(token)
