#!/usr/bin/env bash
# The customs-table benchmark: generates synthetic customs CSVs of 1,000,000 and 5,000,000 declaration rows
# with their FtM mapping (generate --customs), imports each with `import --mapping` into a fresh database in a
# separate process, and reports rows/s, entities stored and peak memory. Results go to
# bench/results/customs-<time>.{json,md}. Extra arguments go to the benchmark (e.g. --rows 200000 for a quick
# run, --exe PATH to measure another build, --label before).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build -c Release src/EntityGraph.Server -v q -nologo
dotnet run -c Release --project bench/EntityGraph.Bench -- customs "$@"
