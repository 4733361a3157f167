"""Rows many tests read, built once for a run of tests instead of once per test.

Building ``site_tree`` (seven published pages with their revisions, search
and reference-index entries: about 290 queries) for each of the hundreds of
tests that read it, and loading the demo content (about three seconds) for
each demo test, were a third of the suite's time. So the first test of a run
that asks for one of them opens a transaction and builds it there; each test
then runs in its own savepoint inside that transaction, as pytest-django
runs every test, so whatever a test changes is rolled back before the next.

The transaction is rolled back before the first test that does not ask for
those rows (or asks for other shared rows), at the end of each module, and
before any test that makes its own transactions (``transactional_db``,
``live_server``, unittest-style ``TestCase`` classes): no test sees rows it
did not ask for. Each test gets fresh Python objects, read back from the
database, so what one test sets on them never reaches the next.

A test that must build its own (it changes a setting the build reads, or
freezes the clock first) is marked ``@pytest.mark.fresh_rows``.

pytest-django has no fixture scope wider than a test for database rows (its
``_django_db_helper`` says such wrapping is planned); ``tests/conftest.py``
wraps that helper so the shared transaction is always opened before, and
inside of which, the test's own.
"""

from collections import Counter

from django.db import transaction
from django.test.utils import override_settings

SHARED_FIXTURES = ("site_tree", "demo_content")


def shared_key(item):
    """Which shared rows a collected test reads ("site_tree", ...), or None."""
    names = getattr(item, "fixturenames", ())
    wanted = [name for name in SHARED_FIXTURES if name in names]
    if len(wanted) != 1 or item.get_closest_marker("fresh_rows"):
        return None
    marker = item.get_closest_marker("django_db")
    if marker and (
        marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")
    ):
        return None
    if {"transactional_db", "live_server", "django_db_reset_sequences"} & set(names):
        return None
    return wanted[0]


class SharedRows:
    """The open shared transaction, if any: its key and what its build returned."""

    def __init__(self):
        self.key = None
        self.value = None
        self._atomic = None
        self._blocker = None
        self.builds = Counter()  # key: times built
        self.uses = Counter()  # key: tests served

    def open(self, key, build, blocker, media_root):
        """Start a transaction and build the rows for ``key`` in it."""
        self.close()
        with blocker.unblock():
            atomic = transaction.atomic()
            # Django's own marker for a test case's block: a durable atomic
            # block in the code under test may open inside it.
            atomic._from_testcase = True
            atomic.__enter__()
            try:
                with override_settings(MEDIA_ROOT=media_root):
                    value = build()
            except BaseException:
                transaction.set_rollback(True)
                atomic.__exit__(None, None, None)
                raise
        self.key, self.value = key, value
        self._atomic, self._blocker = atomic, blocker
        self.builds[key] += 1

    def summary(self):
        """One line per key: how many tests the shared builds served."""
        return [
            f"{key}: built {self.builds[key]} times for {self.uses[key]} tests"
            for key in sorted(self.uses)
        ]

    def close(self):
        """Roll the shared rows back, if there are any."""
        if self._atomic is None:
            return
        atomic, blocker = self._atomic, self._blocker
        self.key = self.value = self._atomic = self._blocker = None
        with blocker.unblock():
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


SHARED = SharedRows()
