#!/usr/bin/env bash
# Store-and-encrypt and load-and-decrypt of a 100 KB end report through the dossier service on
# the embedded store, next to plain JDK AES-256-GCM of the same bytes, in one run.
# Usage: bench/dossier-store.sh [concurrency] [seconds per phase]
set -euo pipefail
exec "$(dirname "$0")/run-benchmark.sh" nl.reintegratie.gateway.dossier.DossierStoreBenchmark "${1:-16}" "${2:-10}"
