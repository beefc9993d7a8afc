"""Servers that tests and `make bench` start beside the site (gunicorn, Redis, Varnish, a
throw-away PostgreSQL): a spare loopback port, waiting until one answers, stopping it. Never
used by the site itself."""

import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path


class DidNotStart(RuntimeError):
    """A server exited or stayed silent; the message ends with its log."""


def free_port():
    """A TCP port on 127.0.0.1 nobody listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _log_text(log):
    if log is None:
        return ""
    if hasattr(log, "seek"):
        log.seek(0)
        return log.read()[-3000:]
    return Path(log).read_text(errors="replace")[-3000:]


def wait_until(check, process, log=None, what="the server", seconds=30):
    """Call check() until it no longer raises OSError. A process that exits, or `seconds`
    without an answer, raises DidNotStart with the end of its log (a file object or path)."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            check()
            return
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise DidNotStart(f"{what} did not start:\n{_log_text(log)}") from None
            time.sleep(0.2)


def wait_for_url(url, process, log=None, seconds=30):
    """Wait until `url` answers 2xx or 3xx."""

    def get():
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 (loopback http)
            response.read()

    wait_until(get, process, log, url, seconds)


def wait_for_port(port, process, log=None, seconds=30):
    """Wait until something accepts connections on 127.0.0.1:`port`."""

    def connect():
        socket.create_connection(("127.0.0.1", port), timeout=1).close()

    wait_until(connect, process, log, f"port {port}", seconds)


def stop(process, sig=signal.SIGTERM, seconds=10):
    """Send `sig` (gunicorn: SIGINT or SIGQUIT for a quick shutdown) and wait; kill a process
    that does not end in time."""
    if process.poll() is None:
        process.send_signal(sig)
    try:
        process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
