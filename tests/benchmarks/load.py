"""HTTP load for ``make bench``: gunicorn on loopback, clients in threads.

``serve()`` starts gunicorn on a free loopback port with the bench settings;
``hammer()`` sends GETs from several clients at once and returns latencies
and requests per second; ``enquire()`` fills in and sends the enquiry form as
a browser does (the page, then the visitor's tokens from the form's
``data-token-url``, then the post with the CSRF cookie, Origin and Referer).
Standard library only.
"""

import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parents[2]
HOST = "127.0.0.1"


def free_port():
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


SERVERS = {}  # base URL -> the gunicorn master process serving it


def server_cpu_seconds(base):
    """CPU seconds (user + system) used so far by the gunicorn serving ``base``.

    The master and its workers, read from ``/proc`` (Linux); None elsewhere.
    Taken before and after a measurement, it gives the server's CPU time per
    request, a figure that does not depend on what else the machine runs.
    """
    process = SERVERS.get(base)
    if process is None:
        return None
    tick = os.sysconf("SC_CLK_TCK")
    pids = [process.pid]
    try:
        children = Path(f"/proc/{process.pid}/task/{process.pid}/children")
        pids += [int(pid) for pid in children.read_text().split()]
        total = 0
        for pid in pids:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime
    except (OSError, ValueError):
        return None
    return total / tick


@contextmanager
def serve(env, workers=2):
    """gunicorn serving the project with ``env`` (settings, database...); yields its base URL."""
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "clinic_site.wsgi",
        f"--bind={HOST}:{port}",
        f"--workers={workers}",
        "--log-level=warning",
    ]
    process = subprocess.Popen(  # noqa: S603 - gunicorn, fixed arguments
        command, cwd=ROOT, env={**os.environ, **env}, stdout=subprocess.DEVNULL
    )
    base = f"http://{HOST}:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if request(base, "/healthz")[0] in (200, 404, 503):
                    break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("gunicorn did not start")
            time.sleep(0.2)
        SERVERS[base] = process
        yield base
    finally:
        SERVERS.pop(base, None)
        process.terminate()
        process.wait(timeout=30)


def request(base, path, method="GET", body=None, headers=None):
    """One request on its own connection: ``(status, headers, body bytes)``."""
    parts = urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.getheaders(), response.read()
    finally:
        connection.close()


def hammer(base, path, clients=8, seconds=5.0):
    """GET ``path`` from ``clients`` threads for ``seconds``.

    Returns the median latency (ms), requests per second and the statuses seen.
    """
    latencies, statuses, lock = [], set(), threading.Lock()
    stop = time.monotonic() + seconds

    def client():
        while time.monotonic() < stop:
            started = time.perf_counter()
            status, _, _ = request(base, path)
            elapsed = time.perf_counter() - started
            with lock:
                latencies.append(elapsed)
                statuses.add(status)

    started = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    return {
        "median_ms": statistics.median(latencies) * 1000,
        "per_second": len(latencies) / elapsed,
        "requests": len(latencies),
        "statuses": sorted(statuses),
    }


class FormParser(HTMLParser):
    """The enquiry form of a page: action, token URL and its fields."""

    def __init__(self):
        super().__init__()
        self.form = None
        self.fields = []  # (name, type, value)
        self._select = None
        self._in_form = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and "enquiry-form" in (attrs.get("class") or ""):
            self.form = attrs
            self._in_form = True
        elif not self._in_form:
            return
        elif tag == "input" and attrs.get("name"):
            self.fields.append(
                (attrs["name"], attrs.get("type", "text"), attrs.get("value", ""))
            )
        elif tag == "textarea" and attrs.get("name"):
            self.fields.append((attrs["name"], "textarea", ""))
        elif tag == "select" and attrs.get("name"):
            self._select = attrs["name"]
        elif tag == "option" and self._select and attrs.get("value"):
            self.fields.append((self._select, "option", attrs["value"]))
            self._select = None

    def handle_endtag(self, tag):
        if tag == "form":
            self._in_form = False
        elif tag == "select":
            self._select = None


def fill(fields, number):
    """Answers a visitor would give: every required field, the first choice."""
    data, chosen = [], set()
    for name, kind, value in fields:
        if name == "website" or name.startswith("marketing"):
            continue  # the honeypot; the optional news box
        if kind == "hidden":
            data.append((name, value))
        elif kind in ("radio", "option") and name not in chosen:
            chosen.add(name)
            data.append((name, value))
        elif kind == "checkbox" and name not in chosen:
            chosen.add(name)
            data.append((name, value or "on"))
        elif kind == "email":
            data.append((name, f"visitor{number}@example.com"))
        elif kind == "tel":
            data.append((name, "020 7946 0000"))
        elif kind in ("text", "textarea"):
            data.append((name, f"Bench visitor {number}"))
    return data


def parse_form(body, parsed=None):
    """The page's ``FormParser``; ``parsed`` keeps the last page a client parsed.

    A client parses the page only when its bytes differ from the last page it
    parsed (a cached page is the same bytes every time): parsing 45 KB of HTML
    in Python costs the bench client more CPU than the server spends serving
    the cached page, and client and server share the machine's cores.
    """
    if parsed is not None and parsed.get("body") == body:
        return parsed["parser"]
    parser = FormParser()
    parser.feed(body.decode())
    if parsed is not None:
        parsed.update(body=body, parser=parser)
    return parser


def enquire(base, page_path, number, parsed=None):
    """Send one enquiry from ``page_path`` like a browser; True when accepted."""
    status, _, body = request(base, page_path)
    if status != 200:
        return False
    parser = parse_form(body, parsed)
    if parser.form is None:
        return False
    cookies = SimpleCookie()
    answers = fill(parser.fields, number)
    token_url = parser.form.get("data-token-url")
    if token_url:
        status, headers, body = request(base, token_url)
        for name, value in headers:
            if name.lower() == "set-cookie":
                cookies.load(value)
        tokens = json.loads(body)
        data = {
            "csrfmiddlewaretoken": tokens["csrf"],
            "visitor_token": tokens["form_token"],
        }
        answers = [(name, data.get(name, value)) for name, value in answers]
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Origin": base,
        "Referer": base + page_path,
    }
    if cookies:
        headers["Cookie"] = "; ".join(f"{k}={v.value}" for k, v in cookies.items())
    status, headers, _ = request(
        base,
        parser.form.get("action") or page_path,
        "POST",
        urlencode(answers),
        headers,
    )
    return status in (302, 303)


def enquiries(base, page_path, clients=8, each=25):
    """``clients`` threads each sending ``each`` enquiries; accepted and per second."""
    accepted, lock = [], threading.Lock()

    def client(index):
        parsed = {}
        for n in range(each):
            ok = enquire(base, page_path, index * 1000 + n, parsed)
            with lock:
                accepted.append(ok)

    started = time.perf_counter()
    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    return {
        "sent": len(accepted),
        "accepted": sum(accepted),
        "per_second": sum(accepted) / elapsed,
    }
