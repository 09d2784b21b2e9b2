#!/usr/bin/env bash
# Verifying the disclosure log against a bare scan of the same collection, in one run on the embedded store:
# fills a log of N entries directly (bulk inserts with correct hashes), then R rounds of a bare scan and the full
# verification after a warm-up round, then the ratio; finally durable appends on top of it.
# Usage: bench/disclosure-log.sh [entries] [repetitions] [clients] [modes]   (defaults: 1000000, 3, 10000, pages)
set -euo pipefail
exec "$(dirname "$0")/run-benchmark.sh" nl.reintegratie.gateway.audit.mongo.DisclosureLogBenchmark "${1:-1000000}" "${2:-3}" "${3:-10000}" "${4:-pages}"
