#!/usr/bin/env bash
# Fetching a sealed release of a 100 KB dossier with the provider reference client at 32 concurrent connections,
# next to the same gateway serving the same bytes without signature, encryption or sealing (same run).
# Usage: bench/release-fetch.sh [dossierBytes] [seconds] [connections]   (defaults: 102400, 20, 32)
set -euo pipefail
exec "$(dirname "$0")/run-benchmark.sh" nl.reintegratie.gateway.app.ReleaseFetchBenchmark "${1:-102400}" "${2:-20}" "${3:-32}"
