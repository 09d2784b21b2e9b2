#!/usr/bin/env bash
# Measures the dossier document repository on the embedded store: listByTrajectory/listByClient
# of a dossier with N documents, findLatest, and insertVersion latency.
# Usage: bench/document-listing.sh [documents]   (default 1000)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests install
cd gateway
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
exec java -cp "target/test-classes:target/classes:$(cat target/cp.txt)" \
  nl.reintegratie.gateway.dossier.mongo.DocumentListingBenchmark "${1:-1000}"
