"""The SQLite default under concurrent writers: the web server and the task worker.

Each process opens the database through the demo site's settings (WAL, a busy
timeout, transactions that take the write lock when they start), and writes
in many short transactions at once. None may fail with "database is locked".
"""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROCESSES = 4
WRITES = 60

WRITER = """
import sys
import django
django.setup()
from django.db import connection, transaction
for n in range({writes}):
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SELECT COUNT(*) FROM contention")
            cursor.execute(
                "INSERT INTO contention (writer, n) VALUES (%s, %s)", [sys.argv[1], n]
            )
with connection.cursor() as cursor:
    cursor.execute("PRAGMA journal_mode")
    print(cursor.fetchone()[0])
"""


def _environ(database):
    environ = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    environ["DJANGO_SETTINGS_MODULE"] = "clinic_site.settings.dev"
    environ["DATABASE_URL"] = f"sqlite:///{database}"
    return environ


def test_concurrent_writers_never_hit_database_is_locked(tmp_path):
    database = tmp_path / "site.sqlite3"
    setup = subprocess.run(  # noqa: S603 - fixed arguments
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.db import connection; "
            "connection.cursor().execute("
            "'CREATE TABLE contention (writer TEXT, n INTEGER)')",
        ],
        cwd=ROOT,
        env=_environ(database),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert setup.returncode == 0, setup.stderr

    writers = [
        subprocess.Popen(  # noqa: S603 - fixed arguments
            [sys.executable, "-c", WRITER.format(writes=WRITES), str(number)],
            cwd=ROOT,
            env=_environ(database),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for number in range(PROCESSES)
    ]
    results = [writer.communicate(timeout=180) for writer in writers]

    for writer, (stdout, stderr) in zip(writers, results, strict=True):
        assert writer.returncode == 0, stderr
        assert "database is locked" not in stderr
        assert stdout.strip() == "wal"

    with sqlite3.connect(database) as connection:
        count = connection.execute("SELECT COUNT(*) FROM contention").fetchone()[0]
    assert count == PROCESSES * WRITES
