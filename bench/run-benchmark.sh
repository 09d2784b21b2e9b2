#!/usr/bin/env bash
# Builds the project (no tests) and runs one benchmark harness from the gateway's test
# classes with the test classpath. Used by the other scripts in this folder.
# Usage: bench/run-benchmark.sh <main class> [arguments...]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
mvn -B -q -DskipTests install
cd gateway
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
main=$1
shift
exec java -Dproject.root="$root" -cp "target/test-classes:target/classes:$(cat target/cp.txt)" "$main" "$@"
