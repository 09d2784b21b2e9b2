#!/usr/bin/env bash
# Builds the project (no tests) and runs one benchmark harness from the test classes of its
# module (nl.reintegratie.protocol.* in protocol/, the rest in gateway/) with the test
# classpath. Used by the other scripts in this folder.
# Usage: bench/run-benchmark.sh <main class> [arguments...]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
mvn -B -q -DskipTests install
main=$1
shift
case "$main" in
  nl.reintegratie.protocol.*) cd protocol ;;
  *) cd gateway ;;
esac
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
exec java -Dproject.root="$root" -cp "target/test-classes:target/classes:$(cat target/cp.txt)" "$main" "$@"
