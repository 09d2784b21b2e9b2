#!/usr/bin/env bash
# Measures the embedded store's write paths: acknowledged only (not durable), group commit,
# and one disk commit per request. Usage: bench/group-commit.sh [writers] [seconds] [extraFlushMs]
# The optional extra flush simulates a slower disk than this machine's (~0.1 ms fsync).
set -euo pipefail
exec "$(dirname "$0")/run-benchmark.sh" nl.reintegratie.gateway.store.embedded.GroupCommitBenchmark "${1:-32}" "${2:-5}" ${3:-}
