"""Benchmark the pages Relais serves most, against a bare view in the same run.

Follows ../shared/peer/README.md: 2 gunicorn sync workers, production settings
(DEBUG off), `wrk -t2 -c8 -d10s` after a warm-up, rounds alternating the bare
view and each page, medians, and failure on any non-200 response. Prints, per
page and database:

    relais page=<name> db=<sqlite|postgres> rps=N bare_rps=N ratio=0.NNN queries=N

and finally `relais lesson_ratio=0.NNN` (SQLite). Progress goes to stderr.

Environment: DBS ("sqlite postgres"), DURATION (10s), ROUNDS (2), WARMUP (3s),
PAGES (all: catalogue course lesson quiz answer_save), PG_URL
(postgres://postgres@127.0.0.1:5432), BENCH_DIR (/tmp/relais-bench), and for
bench/scale.sh SCALE_LESSONS / SCALE_LEARNERS (a generated course and learners;
the lines then end with ``lessons=N learners=M``).
"""

import json
import os
import platform
import re
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = Path(os.environ.get("BENCH_DIR", "/tmp/relais-bench"))
PY = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
DURATION = os.environ.get("DURATION", "10s")
WARMUP = os.environ.get("WARMUP", "3s")
ROUNDS = int(os.environ.get("ROUNDS", "2"))
DBS = os.environ.get("DBS", "sqlite postgres").split()
PG = os.environ.get("PG_URL", "postgres://postgres@127.0.0.1:5432")
PAGE_ORDER = ["catalogue", "course", "lesson", "quiz", "answer_save"]
PAGES = os.environ.get("PAGES", " ".join(PAGE_ORDER)).split()
WRK_THREADS, WRK_CONNECTIONS = 2, 8
# Scale runs (bench/scale.sh): generated course size and learner count.
SCALE = {
    name: os.environ.get(f"SCALE_{name.upper()}", "")
    for name in ("lessons", "learners")
}
LABEL = "".join(f" {name}={value}" for name, value in SCALE.items() if value)

# Counts every status other than 200 (wrk itself flags only >= 400).
STATUS_LUA = """
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) non200 = 0 end
function response(status, headers, body)
  if status ~= 200 then non200 = non200 + 1 end
end
function done(summary, latency, requests)
  local n = 0
  for _, t in ipairs(threads) do n = n + (t:get("non200") or 0) end
  io.write(string.format("non200=%d\\n", n))
end
"""

# Answer saves: each thread owns some learners' attempts; a request takes an
# attempt no other request is using, sends its current sequence and flips one
# true/false answer; the response's JSON gives the next sequence back.
SAVE_LUA = """
local saves = %(saves)s
local threads = {}
local next_id = 0
function setup(thread)
  next_id = next_id + 1
  thread:set("tid", next_id)
  table.insert(threads, thread)
end
function init(args)
  non200 = 0
  free, by_attempt = {}, {}
  for i, s in ipairs(saves) do
    if (i - 1) %% %(threads)d == tid - 1 then
      table.insert(free, s)
      by_attempt[s.attempt] = s
    end
  end
end
function request()
  local s = table.remove(free, 1)
  s.flip = not s.flip
  local answer = s.flip and "true" or "false"
  local body = "sequence=" .. s.sequence .. "&slots=" .. s.slot .. "&q" .. s.slot
    .. "=" .. answer .. "&action=save"
  return wrk.format("POST", s.path, {
    ["Cookie"] = s.cookie,
    ["X-CSRFToken"] = s.csrf,
    ["Accept"] = "application/json",
    ["Content-Type"] = "application/x-www-form-urlencoded",
  }, body)
end
function response(status, headers, body)
  if status ~= 200 then non200 = non200 + 1 end
  local attempt = tonumber(string.match(body, '"attempt": *(%%d+)'))
  local sequence = tonumber(string.match(body, '"sequence": *(%%d+)'))
  local s = attempt and by_attempt[attempt]
  if s then
    s.sequence = sequence
    table.insert(free, s)
  end
end
function done(summary, latency, requests)
  local n = 0
  for _, t in ipairs(threads) do n = n + (t:get("non200") or 0) end
  io.write(string.format("non200=%%d\\n", n))
end
"""


def log(message: str) -> None:
    print(f"[relais-bench] {message}", file=sys.stderr, flush=True)  # noqa: T201


def run(args, env, **kwargs):
    return subprocess.run(args, cwd=ROOT, env=env, check=True, **kwargs)


def describe_machine() -> None:
    cpu = ""
    try:
        cpuinfo = Path("/proc/cpuinfo").read_text()
        cpu = re.search(r"^model name\s*:\s*(.+)$", cpuinfo, re.M)[1]
    except (OSError, TypeError):
        pass
    load = os.getloadavg()
    log(
        f"machine: {os.cpu_count()} CPUs {cpu}; {platform.platform()}; "
        f"python {platform.python_version()}; load {load[0]:.2f} {load[1]:.2f} "
        f"{load[2]:.2f}"
    )


def prepare_database(db: str) -> str:
    if db == "sqlite":
        path = WORK / "bench.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return f"sqlite:///{path}"
    name = "relais_bench_pages"
    for sql in (
        f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)',
        f"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0",
    ):
        subprocess.run(
            ["psql", f"{PG}/postgres", "-q", "-v", "ON_ERROR_STOP=1", "-c", sql],
            check=True,
        )
    return f"{PG}/{name}"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(base: str, path: str, *, cookie="", method="GET", body="", headers=None):
    """(status, text) of one request; redirects are not followed."""
    request = urllib.request.Request(base + path, method=method)
    for key, value in {
        **({"Cookie": cookie} if cookie else {}),
        **(headers or {}),
    }.items():
        request.add_header(key, value)

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    data = body.encode() if method == "POST" else None
    try:
        with opener.open(request, data=data, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(errors="replace")


def current_sequences(base: str, saves: list) -> list:
    """Each save target with its attempt's current sequence, read from its page."""
    result = []
    for save in saves:
        status, html = fetch(base, save["path"], cookie=save["cookie"])
        match = re.search(r'name="sequence" value="(\d+)"', html)
        if status != 200 or not match:
            sys.exit(f"attempt page {save['path']}: HTTP {status}, no sequence")
        result.append({**save, "sequence": int(match[1])})
    return result


def lua_value(value) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k} = {lua_value(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "{" + ", ".join(lua_value(v) for v in value) + "}"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    return json.dumps(value)


def wrk_script(base: str, target: dict) -> Path:
    path = WORK / f"wrk-{target['name']}.lua"
    if target["name"] == "answer_save":
        saves = current_sequences(base, target["saves"])
        path.write_text(SAVE_LUA % {"saves": lua_value(saves), "threads": WRK_THREADS})
    else:
        path.write_text(STATUS_LUA)
    return path


def run_wrk(base: str, target: dict, duration: str) -> float:
    args = [
        "wrk",
        f"-t{WRK_THREADS}",
        f"-c{WRK_CONNECTIONS}",
        f"-d{duration}",
        "-s",
        str(wrk_script(base, target)),
    ]
    if target.get("cookie"):
        args += ["-H", f"Cookie: {target['cookie']}"]
    out = subprocess.run(
        [*args, base + target["path"]], capture_output=True, text=True, check=True
    ).stdout
    rps = re.search(r"^Requests/sec:\s+([\d.]+)", out, re.M)
    non200 = re.search(r"^non200=(\d+)", out, re.M)
    if not rps or not non200:
        sys.exit(f"could not read wrk output for {target['name']}:\n{out}")
    if int(non200[1]):
        sys.exit(f"{target['name']}: {non200[1]} responses were not 200\n{out}")
    if "Socket errors" in out:
        log(f"{target['name']}: {re.search(r'Socket errors.*', out)[0]}")
    return float(rps[1])


def check_target(base: str, db: str, target: dict) -> None:
    """Every page answers 200 with its content; every save target saves."""
    if target["name"] == "answer_save":
        for save in current_sequences(base, target["saves"]):
            status, text = fetch(
                base,
                save["path"],
                cookie=save["cookie"],
                method="POST",
                body=(
                    f"sequence={save['sequence']}&slots={save['slot']}"
                    f"&q{save['slot']}=true&action=save"
                ),
                headers={
                    "X-CSRFToken": save["csrf"],
                    "Accept": "application/json",
                    "Content-Type": "application/x-www-form-urlencoded",
                },
            )
            if status != 200 or json.loads(text)["sequence"] != save["sequence"] + 1:
                sys.exit(f"{db} answer save {save['path']}: HTTP {status}\n{text}")
        return
    status, html = fetch(base, target["path"], cookie=target.get("cookie", ""))
    if status != 200:
        sys.exit(
            f"{db} {target['name']} {target['path']}: HTTP {status}\n{html[:2000]}"
        )
    missing = [m for m in target.get("markers", []) if m not in html]
    if missing:
        sys.exit(f"{db} {target['name']}: content missing from the page: {missing[:3]}")


def check_static(base: str, html: str) -> None:
    """The stylesheet is whitenoise's hashed file, cached for a year, immutable."""
    href = re.search(r'<link rel="stylesheet" href="([^"]+)"', html)[1]
    with urllib.request.urlopen(base + href, timeout=30) as response:
        cache_control = response.headers.get("Cache-Control", "")
    if "immutable" not in cache_control or "max-age=315360000" not in cache_control:
        sys.exit(f"{href}: Cache-Control is {cache_control!r}, not far-future")
    log(f"static files: {href} Cache-Control: {cache_control}")


def start_gunicorn(env: dict, db: str):
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    gunicorn_log = WORK / f"gunicorn-{db}.log"
    gunicorn_log.write_text("")
    server = subprocess.Popen(
        [
            GUNICORN,
            "lms.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--worker-class",
            "sync",
            "--log-level",
            "warning",
            "--error-logfile",
            str(gunicorn_log),
        ],
        cwd=ROOT,
        env=env,
    )
    for _ in range(150):
        if server.poll() is not None:
            sys.exit(f"gunicorn exited:\n{gunicorn_log.read_text()}")
        try:
            if fetch(base, "/bare/")[0] == 200:
                return server, base, gunicorn_log
        except OSError:
            pass
        time.sleep(0.2)
    server.terminate()
    sys.exit(f"gunicorn did not answer on {base}")


def bench_database(db: str) -> dict:
    WORK.mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lms.settings.bench",
        "DATABASE_URL": prepare_database(db),
        "PYTHONPATH": str(ROOT),
        # Enrolment emails are not what is measured.
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
    }
    env.pop("REDIS_URL", None)
    log(f"{db}: migrate, collectstatic, seed")
    with open(WORK / f"seed-{db}.log", "w") as seed_log:
        for command in (
            [PY, "manage.py", "migrate", "--no-input", "-v", "0"],
            [PY, "manage.py", "collectstatic", "--no-input", "-v", "0"],
            [PY, "bench/seed_pages.py", str(WORK / f"seed-{db}.json")],
        ):
            run(command, env, stdout=seed_log)
    seed = json.loads((WORK / f"seed-{db}.json").read_text())
    targets = [
        dict(seed["targets"][name], name=name)
        for name in PAGE_ORDER
        if name in PAGES and name in seed["targets"]
    ]
    server, base, gunicorn_log = start_gunicorn(env, db)
    try:
        bare = {"name": "bare", "path": "/bare/"}
        for target in targets:
            check_target(base, db, target)
        pages = [t for t in targets if t["name"] != "answer_save"]
        if pages:
            check_static(
                base,
                fetch(base, pages[0]["path"], cookie=pages[0].get("cookie", ""))[1],
            )
        log(f"{db}: every page answers 200 with its content; warm-up {WARMUP} each")
        for target in [bare, *targets]:
            run_wrk(base, target, WARMUP)
        samples = {t["name"]: [] for t in [bare, *targets]}
        for round_number in range(1, ROUNDS + 1):
            for target in targets:
                for item in (bare, target):
                    rps = run_wrk(base, item, DURATION)
                    samples[item["name"]].append(rps)
                    log(f"{db} round {round_number} {item['name']}: {rps:.1f} req/s")
        for target in targets:
            check_target(base, db, target)  # still 200 (sessions kept) after the load
        errors = gunicorn_log.read_text()
        if re.search(r"error|traceback", errors, re.I):
            sys.exit(f"gunicorn logged errors:\n{errors[-3000:]}")
    finally:
        server.terminate()
        server.wait(timeout=30)
    bare_rps = statistics.median(samples["bare"])
    results = {}
    for target in targets:
        rps = statistics.median(samples[target["name"]])
        results[target["name"]] = rps / bare_rps
        print(  # noqa: T201  (the benchmark's output)
            f"relais page={target['name']} db={db} rps={rps:.1f} "
            f"bare_rps={bare_rps:.1f} ratio={rps / bare_rps:.3f} "
            f"queries={seed['queries'][target['name']]}{LABEL}",
            flush=True,
        )
    return results


def main() -> None:
    describe_machine()
    log(
        f"wrk -t{WRK_THREADS} -c{WRK_CONNECTIONS} -d{DURATION}, warm-up {WARMUP}, "
        f"{ROUNDS} rounds alternating /bare/ and each page; medians"
    )
    all_results = {db: bench_database(db) for db in DBS}
    if "sqlite" in all_results and "lesson" in all_results["sqlite"]:
        print(f"relais lesson_ratio={all_results['sqlite']['lesson']:.3f}")  # noqa: T201
    describe_machine()


if __name__ == "__main__":
    main()
