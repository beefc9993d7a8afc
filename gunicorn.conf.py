"""gunicorn reads this file from the folder it starts in: its own lines (start, workers, timeouts)
in the site's log format, so production logs are one JSON object per line throughout
(LOG_FORMAT, README "Operations")."""

import os

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
