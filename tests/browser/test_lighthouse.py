"""Lighthouse on the demo site: 100 for accessibility, best practices and SEO.

Home, a treatment, a condition, the treatment index and the enquiry form,
each audited once with Lighthouse's mobile settings and once with its desktop
preset, only the three required categories (performance is printed by
``make bench``, not asserted). The mobile and the desktop runs overlap, each
in its own Chromium.
"""

from concurrent.futures import ThreadPoolExecutor
from urllib.request import urlopen

import pytest
from django.urls import reverse

from tests.browser import lighthouse

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def audited_pages(site):
    return [
        ("home", site.home.url),
        ("treatment", site.treatment.url),
        ("condition", site.condition.url),
        ("treatment-index", site.treatment_index.url),
        ("enquiry", reverse("treatments_cms:enquiry")),
    ]


def warm(urls):
    """Request each page once first: renditions and caches are made one at a time."""
    for url in urls:
        with urlopen(url, timeout=60) as response:  # noqa: S310 (the live server)
            response.read()


def test_lighthouse_scores_100_for_accessibility_best_practices_and_seo(demo_site):
    lighthouse.require_lighthouse()
    pages = audited_pages(demo_site)
    urls = [demo_site.base_url + path for _, path in pages]
    warm(urls)

    # Mobile and desktop at the same time, each in its own Chromium.
    with ThreadPoolExecutor(max_workers=len(lighthouse.PRESETS)) as pool:
        reports = dict(
            zip(
                lighthouse.PRESETS,
                pool.map(
                    lambda preset: lighthouse.run_many(urls, preset=preset),
                    lighthouse.PRESETS,
                ),
                strict=True,
            )
        )

    problems, table = [], []
    for preset, preset_reports in reports.items():
        for (name, _), report in zip(pages, preset_reports, strict=True):
            assert report["configSettings"]["formFactor"] == preset
            scores = lighthouse.scores(report)
            table.append(
                f"{name:16} {preset:8} "
                + " ".join(f"{c}={scores.get(c)}" for c in lighthouse.REQUIRED)
            )
            for category in lighthouse.REQUIRED:
                if scores.get(category) != 100:
                    problems.append(
                        f"{name} ({preset}): {category} {scores.get(category)}"
                    )
                    problems += lighthouse.failures(report, category)
    print("\n".join(["Lighthouse scores:", *table]))
    assert len(table) == 10
    assert not problems, "Lighthouse found problems:\n" + "\n".join(problems)
