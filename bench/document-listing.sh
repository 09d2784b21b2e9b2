#!/usr/bin/env bash
# Measures the dossier document repository on the embedded store: listByTrajectory/listByClient
# of a dossier with N documents, findLatest, and insertVersion latency.
# Usage: bench/document-listing.sh [documents]   (default 1000)
set -euo pipefail
exec "$(dirname "$0")/run-benchmark.sh" nl.reintegratie.gateway.dossier.mongo.DocumentListingBenchmark "${1:-1000}"
