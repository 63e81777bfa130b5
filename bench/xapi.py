"""Benchmark the xAPI outbox: statements delivered per second to a real LRS.

Starts two Ralph LRS processes on 127.0.0.1 (``make lrs-deps`` installs
Ralph), builds N statements like the ones a learner's journey records, and
times, in the same run:

* the limit: the LRS's own ingestion rate, the statements POSTed straight to
  the first LRS in batches of the outbox's size, with no database at all;
* the outbox: the same statements written to ``OutboxStatement`` rows, then
  ``outbox_deliver_all()`` sending them to the second LRS (reading the rows,
  locking, POSTing, marking them delivered).

Both LRSs grow the same way (Ralph's filesystem backend reads its file to
refuse duplicates, so it slows as it fills); the ratio outbox / limit is the
figure (target ≥ 0.5). Usage::

    .venv/bin/python bench/xapi.py                   # 2,000 statements, SQLite
    .venv/bin/python bench/xapi.py --statements 5000 --batch 200
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/relais_bench_xapi \\
        .venv/bin/python bench/xapi.py               # PostgreSQL (database created)
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def log(message: str) -> None:
    sys.stderr.write(f"[bench-xapi] {message}\n")
    sys.stderr.flush()


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--statements", type=int, default=2000)
    parser.add_argument("--batch", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    return parser.parse_args()


def setup_django(folder: Path) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.test")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{folder / 'bench.sqlite3'}")
    url = os.environ["DATABASE_URL"]
    if url.startswith("postgres"):
        name = url.rsplit("/", 1)[1]
        base = url.rsplit("/", 1)[0]
        subprocess.run(
            ["psql", f"{base}/postgres", "-qc", f'DROP DATABASE IF EXISTS "{name}"'],
            check=True,
        )
        subprocess.run(
            ["psql", f"{base}/postgres", "-qc", f'CREATE DATABASE "{name}"'], check=True
        )
    import django

    django.setup()
    from django.core.management import call_command

    log(f"migrating {url.split('@')[-1]}")
    call_command("migrate", verbosity=0, interactive=False)


def journey_like(count: int, run: int) -> list[dict]:
    """``count`` statements shaped like a journey's (answers dominate)."""
    from lms.xapi import statements as xapi

    start = datetime(2026, 12, 1, tzinfo=UTC) + timedelta(days=run)
    course = xapi.activity(
        "course",
        "c0ffee00-0000-4000-8000-000000000001",
        {"fr": "Confidentialité au travail", "en": "Privacy at work"},
    )
    quiz = xapi.activity(
        "quiz",
        "c0ffee00-0000-4000-8000-000000000002",
        {"fr": "Quiz final", "en": "Final quiz"},
    )
    made = []
    for number in range(count):
        learner = 1 + number // 20
        question = xapi.activity(
            "question",
            f"c0ffee00-0000-4000-8000-{number % 20:012d}",
            {
                "fr": "Que faire d’une demande d’ami d’un client ?",
                "en": "What to do with a client's friend request?",
            },
        )
        made.append(
            xapi.statement(
                event_key=f"bench:{run}:{number}",
                learner_id=learner,
                verb_name="answered",
                obj=question,
                when=start + timedelta(seconds=number),
                language="fr",
                result={
                    "response": '{"choice": "b"}',
                    "success": True,
                    "score": xapi.score(points=1, max_points=1),
                },
                parents=[quiz, course],
            )
        )
    return made


def main() -> None:
    args = parse_args()
    folder = Path(tempfile.mkdtemp(prefix="relais-bench-xapi-"))
    setup_django(folder)
    from django.conf import settings
    from django.contrib.auth import get_user_model

    from lms.xapi.models import OutboxStatement
    from lms.xapi.services import outbox_deliver_all
    from tests.lrs import PASSWORD, USERNAME, RalphLRS

    users = get_user_model()
    for pk in range(1, 2 + args.statements // 20):
        users.objects.get_or_create(pk=pk, defaults={"username": f"bench{pk}"})

    limit_lrs = RalphLRS(folder=folder / "limit").start()
    outbox_lrs = RalphLRS(folder=folder / "outbox").start()
    settings.RELAIS_XAPI_ENDPOINT = outbox_lrs.endpoint
    settings.RELAIS_XAPI_USERNAME, settings.RELAIS_XAPI_PASSWORD = USERNAME, PASSWORD
    settings.RELAIS_XAPI_BATCH_SIZE = args.batch
    rows = []
    try:
        for run in range(args.repeat):
            statements = journey_like(args.statements, run)
            began = time.perf_counter()
            for offset in range(0, len(statements), args.batch):
                limit_lrs.post(statements[offset : offset + args.batch])
            limit = len(statements) / (time.perf_counter() - began)

            OutboxStatement.objects.bulk_create(
                OutboxStatement(
                    statement_id=statement["id"],
                    learner_id=statement["actor"]["account"]["name"],
                    verb="answered",
                    statement=statement,
                )
                for statement in statements
            )
            began = time.perf_counter()
            report = outbox_deliver_all()
            outbox = len(statements) / (time.perf_counter() - began)
            assert report.delivered == len(statements), report
            rows.append((limit, outbox))
            log(
                f"run {run + 1}: limit {limit:,.0f}/s, outbox {outbox:,.0f}/s, "
                f"ratio {outbox / limit:.2f}"
            )
        held = len(outbox_lrs.statements())
        assert held == args.statements * args.repeat, held
    finally:
        limit_lrs.stop()
        outbox_lrs.stop()
    limits = sorted(limit for limit, _ in rows)
    outboxes = sorted(outbox for _, outbox in rows)
    middle = len(rows) // 2
    database = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    print(  # noqa: T201  (the benchmark's output)
        f"xapi database={database} statements={args.statements} batch={args.batch} "
        f"limit_per_s={limits[middle]:.0f} outbox_per_s={outboxes[middle]:.0f} "
        f"ratio={outboxes[middle] / limits[middle]:.2f} (median of {len(rows)}; "
        f"the LRS holds each statement once: {held})"
    )


if __name__ == "__main__":
    main()
