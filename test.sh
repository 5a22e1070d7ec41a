#!/usr/bin/env bash
# Runs every EntityGraph test: unit, store contract, import/export, GraphQL over HTTP, and the
# graphql-http audit (Node). Ends with one line: "N passed, N failed, N skipped".
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

passed=0 failed=0 skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  count() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"; }
  passed=$((passed + $(count passed)))
  failed=$((failed + $(count failed)))
  skipped=$((skipped + $(count notExecuted)))
done
[ "$status" -ne 0 ] && [ "$failed" -eq 0 ] && failed=1
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
