#!/usr/bin/env bash
# The investigations benchmark at two scales, to show how the queries scale: ~100,000 parties with
# 500,000 shipments, then ~1,000,000 parties with 5,000,000 shipments. Each scale is generated,
# imported into a fresh SQLite database, served on loopback, and measured over HTTP: traceChains
# (downstream and upstream, maxHops 4), exposure, paths, Party.redFlags and a yearly tradeFlows
# breakdown by country pair, plus the server's peak memory. Results go to
# bench/results/investigations-<scale>-<time>.{json,md}. Needs ~15 GB of disk in bench/results/tmp
# and about 20 minutes on 2 cores. Extra arguments go to both runs (e.g. --requests 200).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build -c Release src/EntityGraph.Server -v q -nologo
dotnet build -c Release bench/EntityGraph.Bench -v q -nologo
run() { dotnet run -c Release --no-build --project bench/EntityGraph.Bench -- investigations "$@"; }
run --label 100k --parties 102000 --shipments 500000 "$@"
run --label 1M --parties 1020000 --shipments 5000000 "$@"
