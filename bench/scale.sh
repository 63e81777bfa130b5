#!/usr/bin/env bash
# How the course and lesson pages move with course size and learner count, on
# generated data (bench/seed_scale.py), with the method of bench/pages.sh.
#   bench/scale.sh                      # both databases, every point
#   DBS=sqlite POINTS="10:1000 100:1000" bench/scale.sh
# Each point is LESSONS:LEARNERS. Prints pages.py's lines, ending with
# "lessons=N learners=M".
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; }
make --no-print-directory install messages >/dev/null
POINTS="${POINTS:-1:1000 10:1000 100:1000 10:10000 10:100000}"
export PAGES="${PAGES:-course lesson}" DURATION="${DURATION:-5s}" ROUNDS="${ROUNDS:-2}" WARMUP="${WARMUP:-2s}"
for point in $POINTS; do
    SCALE_LESSONS="${point%%:*}" SCALE_LEARNERS="${point##*:}" .venv/bin/python bench/pages.py
done
