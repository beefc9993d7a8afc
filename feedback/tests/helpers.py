"""Posting the feedback and call-back forms as a browser does: the token from the page, the
site's own origin."""

from urllib.parse import parse_qs, urlsplit

from bs4 import BeautifulSoup

from portal.forms_protection import TOKEN_FIELD

ORIGIN = "http://testserver"


def box(response):
    return BeautifulSoup(response.content, "html.parser").find(id="feedback")


def form_fields(section):
    """The hidden fields of the (first) form in `section`, as a dict."""
    form = section.find("form")
    return {
        field["name"]: field.get("value", "")
        for field in form.find_all("input", attrs={"type": "hidden"})
    }


def answer(client, page, svar="ja", fragment=False, **extra):
    fields = form_fields(box(client.get(page.url)))
    headers = {"HTTP_ORIGIN": ORIGIN}
    if fragment:
        headers["HTTP_X_PAGE_FEEDBACK"] = "1"
    return client.post("/aterkoppling/", {**fields, "svar": svar, **extra}, **headers)


def comment_fields(client, redirect_url):
    return form_fields(box(client.get(redirect_url)))


def thanks_param(url):
    return parse_qs(urlsplit(url).query)["tack"][0]


def callback_section(response):
    return BeautifulSoup(response.content, "html.parser").find(id="bli-kontaktad")


def callback_post(client, url, data, origin=ORIGIN):
    section = callback_section(client.get(url))
    token = section.find("input", attrs={"name": TOKEN_FIELD})["value"]
    next_field = section.find("input", attrs={"name": "next"})
    payload = {TOKEN_FIELD: token, **data}
    if next_field is not None:
        payload.setdefault("next", next_field["value"])
    return client.post(section.find("form")["action"], payload, HTTP_ORIGIN=origin)
