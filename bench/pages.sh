#!/usr/bin/env bash
# Learner pages against a bare Django view in the same gunicorn run, on SQLite
# and PostgreSQL. Method: ../shared/peer/README.md. Usage:
#   bench/pages.sh                 # both databases
#   DBS=sqlite bench/pages.sh      # one database
#   DURATION=10s ROUNDS=2 WARMUP=3s bench/pages.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; }
make --no-print-directory install messages >/dev/null
exec .venv/bin/python bench/pages.py "$@"
