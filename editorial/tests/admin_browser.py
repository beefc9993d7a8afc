"""Driving the Wagtail admin in Chromium against the production server (`production_server`
in conftest.py), as an editor does: log in through the login form, click through the real
admin JavaScript, and record what went wrong on the way – console errors, failed requests for
static files, any request to another host."""

import mimetypes
from urllib.parse import unquote, urlsplit

from django.contrib.auth.hashers import PBKDF2PasswordHasher

PASSWORD = "lösenord-för-test"
PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1366, "height": 900}


class FastHasher(PBKDF2PasswordHasher):
    """The production server checks passwords with the production hashers; the tests'
    MD5 hasher is not among them. PBKDF2 with few iterations is cheap and still verifies."""

    iterations = 1000


def give_password(user):
    user.password = FastHasher().encode(PASSWORD, FastHasher().salt())
    user.save(update_fields=["password"])
    return user


class AdminSession:
    """One browser context logged in as one user."""

    def __init__(self, browser, server, user, viewport=DESKTOP):
        self.server = server
        self.host = urlsplit(server.url).netloc
        self.context = browser.new_context(locale="sv-SE", viewport=viewport)
        self.page = self.context.new_page()
        self.console_errors = []
        self.failed_requests = []
        self.foreign_requests = []
        self.page.on("console", self._on_console)
        self.page.on("pageerror", lambda error: self.console_errors.append(str(error)))
        self.page.on("response", self._on_response)
        # Nothing may leave the machine: record and refuse requests to any other host.
        self.context.route(lambda url: urlsplit(url).netloc != self.host, self._refuse)
        # Uploaded media are served by the web server in front of the application in
        # production (README, Operations); here the browser plays that part.
        self.context.route(f"{server.url}/media/**", self._serve_media)
        give_password(user)
        self.login(user.get_username())

    def _on_console(self, message):
        # Wagtail's content checker reports what it finds on the page (a vague link, a
        # missing owner) with console.error; those are findings for the editor, not faults.
        if message.type == "error" and not message.text.startswith("axe.run results"):
            self.console_errors.append(f"{self.page.url}: {message.text}")

    def _on_response(self, response):
        if response.status >= 400:
            self.failed_requests.append(f"{response.status} {response.url}")

    def _serve_media(self, route):
        relative = unquote(urlsplit(route.request.url).path).removeprefix("/media/")
        path = (self.server.media_root / relative).resolve()
        if path.is_file() and path.is_relative_to(self.server.media_root.resolve()):
            content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            route.fulfill(status=200, body=path.read_bytes(), content_type=content_type)
        else:
            route.fulfill(status=404, body="")

    def _refuse(self, route):
        self.foreign_requests.append(route.request.url)
        route.abort()

    def login(self, username):
        self.page.goto(self.server.url + "/admin/login/")
        self.page.fill("input[name=username]", username)
        self.page.fill("input[name=password]", PASSWORD)
        self.page.click("button[type=submit]")
        self.page.wait_for_url(self.server.url + "/admin/")

    def goto(self, path, expect=200):
        response = self.page.goto(self.server.url + path)
        assert response.status == expect, f"{path}: {response.status}"
        # The editors build create and edit views with JavaScript after the page has loaded
        # (blocks, choosers, the preview): wait until they are done asking the server.
        # Listings are complete when they have loaded.
        if "/add/" in path or "/edit/" in path or path.rstrip("/") == "/admin":
            self.page.wait_for_load_state("networkidle")
        return response

    def problems(self):
        """Everything that went wrong so far, as lines for an assertion message."""
        return (
            [f"console: {line}" for line in self.console_errors]
            + [f"failed: {line}" for line in self.failed_requests]
            + [f"foreign: {line}" for line in self.foreign_requests]
        )

    def assert_clean(self):
        problems = self.problems()
        assert not problems, "\n".join(problems)

    def close(self):
        self.context.close()
