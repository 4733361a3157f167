"""Time the public pages and count their queries: ``python -m tests.benchmarks``.

Builds a throwaway SQLite database in a temporary directory (whatever
DATABASE_URL says), creates a treatment with one linked condition and
alternative and one with fifty of each (every card with an image), then
requests each page many times with Django's test client and prints the median
and 95th-percentile time and the queries per request. Figures only: nothing
here passes or fails on time; the test suite pins the query counts.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

WARMUP = 2
MANY = 50


def setup_django(directory):
    os.environ["DJANGO_SETTINGS_MODULE"] = "clinic_site.settings.test"
    from django.conf import settings

    settings.DATABASES["default"] = {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(directory / "bench.sqlite3"),
    }
    settings.MEDIA_ROOT = str(directory / "media")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def build_site():
    """Two treatments, 1 and MANY links each way; returns the URLs to measure."""
    import wagtail_factories
    from django.urls import reverse

    from tests import factories

    factories.ClinicSettingsFactory()
    factories.ConsentStatementFactory()
    image = wagtail_factories.ImageFactory(title="Card image")
    reviewer = factories.PractitionerFactory()

    def conditions(count, label):
        return [
            factories.ConditionPageFactory(
                title=f"{label} condition {n}", image=image, reviewed_by=reviewer
            )
            for n in range(count)
        ]

    def alternatives(count, label, linked):
        return [
            factories.AlternativePageFactory(
                title=f"{label} alternative {n}",
                image=image,
                reviewed_by=reviewer,
                conditions=linked[:1],
            )
            for n in range(count)
        ]

    few = conditions(1, "Few")
    few_treatment = factories.TreatmentPageFactory(
        title="Treatment with one link",
        image=image,
        conditions=few,
        alternatives=alternatives(1, "Few", few),
    )
    many = conditions(MANY, "Many")
    many_treatment = factories.TreatmentPageFactory(
        title="Treatment with fifty links",
        image=image,
        conditions=many,
        alternatives=alternatives(MANY, "Many", many),
    )
    return {
        "treatment, 1 link": few_treatment.url,
        f"treatment, {MANY} links": many_treatment.url,
        f"condition, {MANY} alternatives": many[0].url,
        "treatment index": many_treatment.get_parent().url,
        "search 'condition'": f"{reverse('treatments_cms:search')}?q=condition",
    }


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


def main():
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks")
    parser.add_argument("--runs", type=int, default=20, help="requests per page")
    runs = max(2, parser.parse_args().runs)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="bench-") as directory:
        setup_django(Path(directory))
        migrated = time.perf_counter()
        from django.test import Client

        urls = build_site()
        built = time.perf_counter()
        client = Client()
        results = {name: measure(client, url, runs) for name, url in urls.items()}
        measured = time.perf_counter()

    print(f"\n{runs} requests per page after {WARMUP} warm-up requests (SQLite)\n")
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
        f"\nSet-up {migrated - started:.1f} s, content {built - migrated:.1f} s, "
        f"requests {measured - built:.1f} s"
    )


if __name__ == "__main__":
    main()
