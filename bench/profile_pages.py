"""Profile one benchmarked page in-process, to see where its time goes.

Run after ``bench/pages.sh`` (it reuses the database and targets the
benchmark seeded under BENCH_DIR). Requests go through Django's WSGI handler
with the benchmark's cookies, as gunicorn would send them; pyinstrument
prints the profile of ``REPEAT`` warm requests (answer saves cycle through
the seeded attempts, flipping an answer each time).

    .venv/bin/python bench/profile_pages.py lesson            # SQLite
    DB=postgres .venv/bin/python bench/profile_pages.py quiz
    REPEAT=500 .venv/bin/python bench/profile_pages.py answer_save

Needs pyinstrument (``pip install -e ".[bench]"``). Prints the mean time per
request, the bare view's for comparison, and the profile.
"""

import io
import json
import os
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = Path(os.environ.get("BENCH_DIR", "/tmp/relais-bench"))
DB = os.environ.get("DB", "sqlite")
REPEAT = int(os.environ.get("REPEAT", "300"))
FLAT_LINES = int(os.environ.get("FLAT_LINES", "45"))
PG = os.environ.get("PG_URL", "postgres://postgres@127.0.0.1:5432")

sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.bench")
os.environ["DATABASE_URL"] = (
    f"sqlite:///{WORK / 'bench.sqlite3'}"
    if DB == "sqlite"
    else f"{PG}/relais_bench_pages"
)
os.environ.setdefault("EMAIL_BACKEND", "django.core.mail.backends.dummy.EmailBackend")


def environ_for(path, *, cookie="", method="GET", body=b"", headers=None):
    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8000",
        "HTTP_HOST": "127.0.0.1",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(body),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
        "wsgi.version": (1, 0),
        "CONTENT_LENGTH": str(len(body)),
    }
    if cookie:
        environ["HTTP_COOKIE"] = cookie
    for name, value in (headers or {}).items():
        environ["HTTP_" + name.upper().replace("-", "_")] = value
    if "HTTP_CONTENT_TYPE" in environ:
        environ["CONTENT_TYPE"] = environ.pop("HTTP_CONTENT_TYPE")
    return environ


def main() -> None:
    import django

    django.setup()
    from django.core.handlers.wsgi import WSGIHandler
    from pyinstrument import Profiler

    name = sys.argv[1] if len(sys.argv) > 1 else "lesson"
    seed = json.loads((WORK / f"seed-{DB}.json").read_text())
    handler = WSGIHandler()
    statuses = []

    def start_response(status, headers, exc_info=None):
        statuses.append(status)

    def call(environ):
        return b"".join(handler(environ, start_response))

    if name == "answer_save":
        saves = seed["targets"]["answer_save"]["saves"]
        for save in saves:
            html = call(environ_for(save["path"], cookie=save["cookie"])).decode()
            save["sequence"] = int(re.search(r'name="sequence" value="(\d+)"', html)[1])
            save["flip"] = False
        state = {"i": 0}

        def one():
            save = saves[state["i"] % len(saves)]
            state["i"] += 1
            save["flip"] = not save["flip"]
            body = (
                f"sequence={save['sequence']}&slots={save['slot']}&q{save['slot']}="
                f"{'true' if save['flip'] else 'false'}&action=save"
            ).encode()
            out = call(
                environ_for(
                    save["path"],
                    cookie=save["cookie"],
                    method="POST",
                    body=body,
                    headers={
                        "X-CSRFToken": save["csrf"],
                        "Accept": "application/json",
                        "Content-Type": "application/x-www-form-urlencoded",
                    },
                )
            )
            save["sequence"] = json.loads(out)["sequence"]

    else:
        target = seed["targets"][name]

        def one():
            call(environ_for(target["path"], cookie=target.get("cookie", "")))

    def bare():
        call(environ_for("/bare/"))

    for function in (one, bare):
        for _ in range(20):  # warm caches and connections
            function()
    bad = [status for status in statuses if not status.startswith("200")]
    if bad:
        sys.exit(f"{name}: non-200 responses during warm-up: {bad[:3]}")

    timings = {}
    for label, function in (("bare", bare), (name, one)):
        started = time.perf_counter()
        for _ in range(REPEAT):
            function()
        timings[label] = (time.perf_counter() - started) / REPEAT * 1000
    print(  # noqa: T201
        f"{name} db={DB}: {timings[name]:.2f} ms/request in-process; "
        f"bare {timings['bare']:.2f} ms; ratio {timings['bare'] / timings[name]:.3f}"
    )
    profiler = Profiler(interval=0.0002)
    profiler.start()
    for _ in range(REPEAT):
        one()
    profiler.stop()
    show_all = bool(os.environ.get("SHOW_ALL"))  # every frame, Django's included
    print(profiler.output_text(unicode=True, color=False, show_all=show_all))  # noqa: T201
    # Self time per function: what the tree above folds into hidden frames.
    flat = profiler.output_text(unicode=True, color=False, flat=True, show_all=True)
    print("\n".join(flat.splitlines()[:FLAT_LINES]))  # noqa: T201


if __name__ == "__main__":
    main()
