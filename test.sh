#!/usr/bin/env bash
# Runs every EntityGraph test: unit, store contract, import/export, GraphQL over HTTP, and the
# graphql-http audit and the Cypher lint (Node). Ends with one line: "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")"

for tool in tools/*/; do
  if [ -f "$tool/package-lock.json" ] && [ ! -d "$tool/node_modules" ]; then
    (cd "$tool" && npm ci --no-audit --no-fund --loglevel=error) || exit 1
  fi
done

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
dotnet test EntityGraph.sln --logger "trx" --results-directory "$results" "$@"
status=$?

# The Node tests of the tools (tools/*/test/, among them the Cypher lint of cypher/), counted
# below with the .NET tests from their TAP summary.
for tool in tools/*/; do
  [ -d "$tool/test" ] || continue
  tap="$results/$(basename "$tool").tap"
  (cd "$tool" && node --test --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=tap --test-reporter-destination="$tap") || status=1
done

passed=0 failed=0 skipped=0
for tap in "$results"/*.tap; do
  [ -f "$tap" ] || continue
  total() { local n; n=$(sed -n "s/^# $1 \([0-9]*\)$/\1/p" "$tap" | tail -1); echo "${n:-0}"; }
  passed=$((passed + $(total pass)))
  failed=$((failed + $(total fail) + $(total cancelled)))
  skipped=$((skipped + $(total skipped) + $(total todo)))
done
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  count() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"; }
  passed=$((passed + $(count passed)))
  failed=$((failed + $(count failed)))
  # The trx Counters leave notExecuted at 0 for dynamically skipped tests; they are the ones not executed.
  skipped=$((skipped + $(count total) - $(count executed)))
done
[ "$status" -ne 0 ] && [ "$failed" -eq 0 ] && failed=1
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
