#!/usr/bin/env bash
# The foundation benchmark: generates 1,000,000 FtM entities (360k parties with their 240k addresses,
# ownerships, directorships and sanctions, and 400k shipments), imports
# them into a fresh database, serves it on loopback and measures search and party(id) over HTTP.
# Results go to bench/results/foundation-<time>.{json,md}. Extra arguments go to the benchmark
# (e.g. --parties 36000 --shipments 40000 for a quick run, --input FILE to reuse a generated file).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build -c Release src/EntityGraph.Server -v q -nologo
dotnet run -c Release --project bench/EntityGraph.Bench -- foundation "$@"
