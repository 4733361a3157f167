"""``make bench`` (``python -m tests.benchmarks``): the figures of docs/performance.md.

Everything is measured side by side in one run, on a throwaway SQLite
database in a temporary directory with the demo content loaded (plus a
treatment with one linked condition and alternative and one with fifty of
each, every card with an image):

(a) queries and median time of a treatment page with 1 and with 50 links,
    and of the other public pages (Django's test client, in process);
(b) the server time of the treatment page against the home page, and of a
    plain content page against the home page (the floor), requests
    interleaved, CPU time of the serving thread (wall time beside it);
(c) median latency and requests per second of the treatment and home pages
    through gunicorn on loopback, with the page cache off and on;
(d) enquiries per second through gunicorn, 8 clients each fetching the page
    and the visitor's tokens and posting the form as a browser does, on
    SQLite and (``--postgres URL`` or ``BENCH_POSTGRES_URL``) PostgreSQL,
    after a warm-up that is not counted, stored enquiries counted against
    accepted ones, with gunicorn's CPU time per enquiry beside the rate;
(e) the Lighthouse performance score of the treatment page (needs Node and
    ``npm ci``; otherwise "skipped" with the reason).

Figures only: nothing here passes or fails on time (the suite pins query
counts); the targets are printed beside the figures.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WARMUP = 2
RATIO_ROUNDS = 100
MANY = 50
ROOT = Path(__file__).resolve().parents[2]
SETTINGS = "tests.benchmarks.settings"


def configure(directory):
    """Environment for this process and the gunicorn servers it starts."""
    env = {
        "DJANGO_SETTINGS_MODULE": SETTINGS,
        "DATABASE_URL": f"sqlite:///{directory / 'bench.sqlite3'}",
        "BENCH_MEDIA_ROOT": str(directory / "media"),
        "PAGE_CACHE_SECONDS": "0",
        # As docs/deployment.md sets production: one connection per worker,
        # kept between requests. With 0 every request opens the database and
        # closes it; on SQLite closing the last connection also checkpoints
        # the write-ahead log, which halved the enquiry rate of (d).
        "DB_CONN_MAX_AGE": "60",
    }
    os.environ.update(env)
    return env


def setup_django():
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    call_command("load_demo_content", verbosity=0)


def build_site():
    """Two treatments, 1 and MANY links each way; returns the URLs to measure."""
    import wagtail_factories
    from django.urls import reverse

    from tests import factories

    image = wagtail_factories.ImageFactory(title="Card image")
    reviewer = factories.PractitionerFactory()
    picture = {"image": image, "hero_image_alt": "A card picture"}

    def conditions(count, label):
        return [
            factories.ConditionPageFactory(
                title=f"{label} condition {n}", reviewed_by=reviewer, **picture
            )
            for n in range(count)
        ]

    def alternatives(count, label, linked):
        return [
            factories.AlternativePageFactory(
                title=f"{label} alternative {n}",
                reviewed_by=reviewer,
                conditions=linked[:1],
                **picture,
            )
            for n in range(count)
        ]

    few = conditions(1, "Few")
    few_treatment = factories.TreatmentPageFactory(
        title="Treatment with one link",
        conditions=few,
        alternatives=alternatives(1, "Few", few),
        **picture,
    )
    many = conditions(MANY, "Many")
    many_treatment = factories.TreatmentPageFactory(
        title="Treatment with fifty links",
        conditions=many,
        alternatives=alternatives(MANY, "Many", many),
        **picture,
    )
    return {
        "treatment, 1 link": few_treatment.url,
        f"treatment, {MANY} links": many_treatment.url,
        f"condition, {MANY} alternatives": many[0].url,
        "treatment index": many_treatment.get_parent().url,
        "search 'condition'": f"{reverse('treatments_cms:search')}?q=condition",
    }


def demo_urls():
    """The demo site's home page, its treatment and a plain content page."""
    from wagtail.models import Page

    from treatments_cms import swappable

    urls = {
        "home": "/",
        "treatment": swappable.get_treatment_page_model().objects.live().first().url,
    }
    content = (
        Page.objects.live()
        .filter(content_type__model="contentpage", depth__gt=2)
        .order_by("path")
        .first()
    )
    if content is not None:
        urls["content page"] = content.url
    return urls


def measure(client, url, runs):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(WARMUP):
        client.get(url)
    times, queries = [], []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - start) * 1000)
        queries.append(len(captured))
        if response.status_code != 200:
            sys.exit(f"{url} answered {response.status_code}; no figures for it.")
    return {
        "median": statistics.median(times),
        "p95": statistics.quantiles(times, n=20, method="inclusive")[-1],
        "queries": statistics.median(queries),
    }


def interleaved(client, urls, runs):
    """Median CPU and wall ms of each URL, requested in turn ``runs`` times."""
    for url in urls.values():
        for _ in range(WARMUP):
            client.get(url)
    cpu = {name: [] for name in urls}
    wall = {name: [] for name in urls}
    for _ in range(runs):
        for name, url in urls.items():
            started_cpu, started = time.thread_time(), time.perf_counter()
            client.get(url)
            cpu[name].append((time.thread_time() - started_cpu) * 1000)
            wall[name].append((time.perf_counter() - started) * 1000)
    return {
        name: (statistics.median(cpu[name]), statistics.median(wall[name]))
        for name in urls
    }


def manage(env, *args):
    return subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**os.environ, **env},
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def count_enquiries(env):
    code = "from treatments_cms.models import Enquiry; print(Enquiry.objects.count())"
    return int(manage(env, "shell", "-c", code).strip().splitlines()[-1])


def enquiry_figures(env, path, clients, each):
    from tests.benchmarks import load

    # Four workers: a post waits on the database's lock now and then.
    with load.serve({**env, "PAGE_CACHE_SECONDS": "300"}, workers=4) as base:
        # Warm the workers as production's are (imports, templates, the page
        # cache): a few enquiries per client, not counted.
        load.enquiries(base, path, clients=clients, each=2)
        before = count_enquiries(env)
        cpu_before = load.server_cpu_seconds(base)
        figures = load.enquiries(base, path, clients=clients, each=each)
        cpu_after = load.server_cpu_seconds(base)
    figures["stored"] = count_enquiries(env) - before
    figures["cpu_ms"] = None
    if cpu_before is not None and cpu_after is not None and figures["accepted"]:
        figures["cpu_ms"] = (cpu_after - cpu_before) * 1000 / figures["accepted"]
    return figures


def server_figures(env, urls, seconds, clients):
    """(c): latency and throughput of each URL, page cache off then on."""
    from tests.benchmarks import load

    results = {}
    for label, seconds_cached in (("uncached", "0"), ("cached", "300")):
        with load.serve({**env, "PAGE_CACHE_SECONDS": seconds_cached}) as base:
            for name, url in urls.items():
                load.request(base, url)  # warm (and fill the cache)
                results[(name, label)] = load.hammer(
                    base, url, clients=clients, seconds=seconds
                )
    return results


def lighthouse_figure(env, path):
    from tests.benchmarks import load

    try:
        from tests.browser import lighthouse
    except ImportError as error:
        return None, f"skipped: {error}"
    reason = lighthouse.missing()
    if reason:
        return None, f"skipped: {reason}"
    error = None
    with load.serve({**env, "PAGE_CACHE_SECONDS": "300"}) as base:
        # Lighthouse now and then fails to record a trace ("run Lighthouse
        # again"); a second failure is reported, not raised.
        for _attempt in range(2):
            try:
                score = lighthouse.performance_score(base + path)
            except RuntimeError as failure:
                error = failure
                continue
            return (
                score,
                "" if score is not None else "skipped: Lighthouse gave no score",
            )
    return None, f"failed twice: {str(error).splitlines()[0][:300]}"


def main():
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks")
    parser.add_argument("--runs", type=int, default=20, help="requests per page")
    parser.add_argument(
        "--seconds", type=float, default=5, help="seconds per load test (c)"
    )
    parser.add_argument("--clients", type=int, default=8, help="concurrent clients")
    parser.add_argument(
        "--enquiries", type=int, default=25, help="enquiries per client (d)"
    )
    parser.add_argument(
        "--postgres",
        default=os.environ.get("BENCH_POSTGRES_URL", ""),
        help="a PostgreSQL database URL for (d); its enquiries are added to",
    )
    parser.add_argument(
        "--in-process-only", action="store_true", help="(a) and (b) only"
    )
    args = parser.parse_args()
    runs = max(2, args.runs)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="bench-") as name:
        env = configure(Path(name))
        setup_django()
        from django.db import connections
        from django.test import Client

        urls = build_site()
        demo = demo_urls()
        client = Client()
        results = {name: measure(client, url, runs) for name, url in urls.items()}
        # A hundred rounds at least: the median of forty moved by a tenth
        # between runs on a shared machine.
        ratios = interleaved(client, demo, max(runs, RATIO_ROUNDS))
        connections.close_all()
        report_in_process(runs, results, ratios)
        if not args.in_process_only:
            served = {"treatment": demo["treatment"], "home": "/"}
            report_server(server_figures(env, served, args.seconds, args.clients))
            report_enquiries(args, env, demo["treatment"])
            score, note = lighthouse_figure(env, demo["treatment"])
            print("\n(e) Lighthouse performance score of the treatment page (mobile)")
            print(f"  {score}" if score is not None else f"  {note}")
    print(
        f"\nAll figures in {time.perf_counter() - started:.0f} s; {os.cpu_count()} CPUs."
    )


def report_in_process(runs, results, ratios):
    print(f"\n(a) {runs} requests per page after {WARMUP} warm-up requests (SQLite)\n")
    print(f"{'page':<30}{'median ms':>11}{'p95 ms':>10}{'queries':>9}")
    for name, figures in results.items():
        print(
            f"{name:<30}{figures['median']:>11.1f}{figures['p95']:>10.1f}"
            f"{figures['queries']:>9.0f}"
        )
    few, many = results["treatment, 1 link"], results[f"treatment, {MANY} links"]
    print(
        f"{f'ratio {MANY} links / 1 link':<30}"
        f"{many['median'] / few['median']:>10.2f}x"
        f"{many['p95'] / few['p95']:>9.2f}x"
        f"{many['queries'] / few['queries']:>8.2f}x"
    )
    print(
        f"\n(b) Server time of the demo pages, {max(runs, RATIO_ROUNDS)} rounds "
        "interleaved, page cache off, medians"
    )
    print(f"{'page':<30}{'CPU ms':>11}{'wall ms':>10}")
    for name, (cpu, wall) in ratios.items():
        print(f"{name:<30}{cpu:>11.1f}{wall:>10.1f}")
    home_cpu, home_wall = ratios["home"]
    for name in ("treatment", "content page"):
        if name in ratios:
            cpu, wall = ratios[name]
            target = " (target: at most 2.0x)" if name == "treatment" else " (floor)"
            print(
                f"{name} / home: {cpu / home_cpu:.2f}x CPU, "
                f"{wall / home_wall:.2f}x wall{target}"
            )


def report_server(results):
    print("\n(c) Through gunicorn (2 workers) on loopback, 8 clients")
    print(f"{'page':<22}{'cache':>10}{'median ms':>11}{'req/s':>9}{'statuses':>12}")
    for (name, label), figures in results.items():
        print(
            f"{name:<22}{label:>10}{figures['median_ms']:>11.1f}"
            f"{figures['per_second']:>9.1f}{str(figures['statuses']):>12}"
        )
    for name in ("treatment", "home"):
        cached, uncached = results[(name, "cached")], results[(name, "uncached")]
        print(
            f"{name}: cached / uncached {cached['per_second'] / uncached['per_second']:.1f}x "
            f"req/s" + (" (target: at least 10x)" if name == "treatment" else "")
        )


def report_enquiries(args, env, path):
    print(
        f"\n(d) Enquiries through gunicorn, {args.clients} clients (target: 50/s on SQLite)"
    )
    databases = [("SQLite", env)]
    if args.postgres:
        pg_env = {**env, "DATABASE_URL": args.postgres}
        manage(pg_env, "migrate", "--noinput")
        manage(pg_env, "load_demo_content")
        databases.append(("PostgreSQL", pg_env))
    for label, database_env in databases:
        figures = enquiry_figures(database_env, path, args.clients, args.enquiries)
        print(
            f"  {label:<11} {figures['per_second']:6.1f}/s  sent {figures['sent']}, "
            f"accepted {figures['accepted']}, stored {figures['stored']}"
        )
        if figures["cpu_ms"]:
            # What the server's own CPU time allows on this machine's cores
            # (the database server's time is not in it on PostgreSQL).
            capacity = (os.cpu_count() or 1) * 1000 / figures["cpu_ms"]
            print(
                f"  {'':<11} gunicorn CPU {figures['cpu_ms']:.1f} ms per enquiry "
                f"(page, tokens, post): at most {capacity:.0f}/s on "
                f"{os.cpu_count()} cores with nothing else running"
            )
    if not args.postgres:
        print("  PostgreSQL  skipped: no --postgres URL (or BENCH_POSTGRES_URL)")


if __name__ == "__main__":
    main()
