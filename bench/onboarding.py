"""Benchmark the people import: 1,000 and 10,000 people into 50 teams.

For each database (SQLite and PostgreSQL, prepared as bench/pages.py does:
a fresh SQLite file, or a dropped and recreated PostgreSQL database on
``PG_URL``), it migrates, then, in a fresh process, for each size:

* builds the file the way a French office saves it (CSV, semicolons,
  Windows-1252), every person in one of 50 teams and one in 50 a manager;
* times the dry run and the apply, with their query counts;
* measures the peak Python memory (tracemalloc) of a dry run and of an
  apply of another file of the same size (tracemalloc slows the code, so
  times come from the runs without it);
* applies the same file again: nothing changes, and its time and queries.

Prints one line per database and size::

    relais onboarding db=sqlite rows=10000 dry_run_s=… apply_s=… queries_dry=…
      queries_apply=… peak_dry_kib=… peak_apply_kib=… file_kib=… reapply_s=… …

Usage: ``.venv/bin/python bench/onboarding.py`` (DBS="sqlite postgres",
SIZES="1000 10000", PG_URL, BENCH_DIR as in bench/pages.py).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WORK = Path(os.environ.get("BENCH_DIR", "/tmp/relais-bench"))
PY = str(ROOT / ".venv" / "bin" / "python")
PG = os.environ.get("PG_URL", "postgres://postgres@127.0.0.1:5432")
DBS = os.environ.get("DBS", "sqlite postgres").split()
SIZES = [int(size) for size in os.environ.get("SIZES", "1000 10000").split()]
TEAMS = 50


def log(message: str) -> None:
    print(f"[relais-bench] {message}", file=sys.stderr, flush=True)  # noqa: T201


def prepare_database(db: str) -> str:
    if db == "sqlite":
        path = WORK / "onboarding.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return f"sqlite:///{path}"
    name = "relais_bench_onboarding"
    for sql in (
        f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)',
        f"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0",
    ):
        subprocess.run(
            ["psql", f"{PG}/postgres", "-q", "-v", "ON_ERROR_STOP=1", "-c", sql],
            check=True,
        )
    return f"{PG}/{name}"


def people_file(count: int, prefix: str) -> bytes:
    lines = ["courriel;prénom;nom;langue;équipe(s);gestionnaire de"]
    for n in range(count):
        team = f"Équipe {n % TEAMS:02d}"
        manages = team if n % TEAMS == n // TEAMS % TEAMS else ""
        language = "fr" if n % 3 else "en"
        lines.append(
            f"{prefix}{n}@exemple.org;Prénom{n};Nom-{n};{language};{team};{manages}"
        )
    return ("\r\n".join(lines) + "\r\n").encode("cp1252")


def measure(db: str) -> None:
    """In the child process: Django set up on the prepared database."""
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from lms.onboarding.planning import import_plan
    from lms.onboarding.services import people_import_apply, people_import_upload
    from lms.teams.models import Team

    Team.objects.bulk_create(
        [Team(name=f"Équipe {n:02d}") for n in range(TEAMS)], ignore_conflicts=True
    )

    def apply(content):
        people_import = people_import_upload(
            content=content, filename="personnes.csv", user=None
        )
        return people_import_apply(people_import=people_import, user=None)

    for size in SIZES:
        content = people_file(size, f"p{size}-")
        with CaptureQueriesContext(connection) as dry_queries:
            started = time.perf_counter()
            plan = import_plan(content=content, filename="personnes.csv")
            dry_s = time.perf_counter() - started
        assert plan.can_apply and plan.counts["create"] == size, plan.file_error
        with CaptureQueriesContext(connection) as apply_queries:
            started = time.perf_counter()
            result = apply(content)
            apply_s = time.perf_counter() - started
        assert result["create"] == size and result["memberships"] == size
        with CaptureQueriesContext(connection) as again_queries:
            started = time.perf_counter()
            again = apply(content)
            reapply_s = time.perf_counter() - started
        assert again["create"] == again["update"] == again["memberships"] == 0

        other = people_file(size, f"q{size}-")
        tracemalloc.start()
        import_plan(content=other, filename="personnes.csv")
        _current, peak_dry = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        apply(other)
        _current, peak_apply = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(  # noqa: T201
            f"relais onboarding db={db} rows={size} teams={TEAMS} "
            f"dry_run_s={dry_s:.2f} apply_s={apply_s:.2f} "
            f"queries_dry={len(dry_queries)} queries_apply={len(apply_queries)} "
            f"reapply_s={reapply_s:.2f} queries_reapply={len(again_queries)} "
            f"peak_dry_kib={peak_dry // 1024} peak_apply_kib={peak_apply // 1024} "
            f"file_kib={len(content) // 1024}",
            flush=True,
        )


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--measure":
        measure(sys.argv[2])
        return
    WORK.mkdir(parents=True, exist_ok=True)
    for db in DBS:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "lms.settings.bench",
            "DATABASE_URL": prepare_database(db),
            "PYTHONPATH": str(ROOT),
            "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
        }
        env.pop("REDIS_URL", None)
        log(f"{db}: migrate")
        subprocess.run(
            [PY, "manage.py", "migrate", "--no-input", "-v", "0"],
            cwd=ROOT,
            env=env,
            check=True,
        )
        log(f"{db}: import {SIZES} people into {TEAMS} teams")
        subprocess.run([PY, __file__, "--measure", db], cwd=ROOT, env=env, check=True)


if __name__ == "__main__":
    main()
