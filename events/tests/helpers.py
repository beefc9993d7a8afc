"""Signing up as a browser does: read the form's one-time token from the page, post it back
from the site's own origin. And running the e-mail queue as `db_worker` does."""

from bs4 import BeautifulSoup
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from portal.forms_protection import TOKEN_FIELD

ORIGIN = "http://testserver"


def form_token(client, url):
    """The token in the sign-up (or cancellation) form of the page at `url`."""
    html = BeautifulSoup(client.get(url).content, "html.parser")
    return html.find("input", attrs={"name": TOKEN_FIELD})["value"]


def post_form(client, url, data, token=None, origin=ORIGIN):
    """POST `data` with the page's token (fetched unless given), from `origin`."""
    token = form_token(client, url) if token is None else token
    headers = {"HTTP_ORIGIN": origin} if origin else {}
    return client.post(url, {**data, TOKEN_FIELD: token}, **headers)


def sign_up(client, event, name, email=None, **extra):
    data = {"namn": name, "e_post": email or f"{name.lower()}@example.org", **extra}
    return post_form(client, event.url, data)


def run_email_tasks():
    """Send what is queued on the "email" task backend, as `manage.py db_worker --backend
    email` does, one task at a time; returns how many ran. (The command itself closes the
    database connection between tasks, which would end a test's transaction.)"""
    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="email",
        startup_delay=False,
        max_tasks=None,
        worker_id="tests",
        excluded_queue_names=[],
    )
    ran = 0
    for result in DBTaskResult.objects.ready().filter(backend_name="email"):
        result.claim("tests")
        worker.run_task(result)
        ran += 1
    return ran
