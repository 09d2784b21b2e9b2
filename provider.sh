#!/usr/bin/env bash
# The provider reference client's command line (README, "Provider reference client"):
#   ./provider.sh trajectories | trajectory <id> | submit <trajectoryId> <kind> <file.json> [--idempotency-key K] |
#                 document <trajectoryId> <kind> <documentId> | releases | release <releaseId> [--out FILE]
#   ./provider.sh --help   for the options
# Builds provider-client/target/provider-client.jar when it is missing or older than its sources. Runs in the
# caller's working directory, so file arguments are relative to it; the keys-dev defaults are found next to this
# script.
set -euo pipefail
root="$(cd "$(dirname "$0")" && pwd)"
jar="$root/provider-client/target/provider-client.jar"
if [ ! -f "$jar" ] || [ -n "$(find "$root/pom.xml" "$root/protocol/pom.xml" "$root/protocol/src/main" \
      "$root/provider-client/pom.xml" "$root/provider-client/src/main" -newer "$jar" -type f -print -quit)" ]; then
  echo "Building provider-client/target/provider-client.jar (mvn package, without tests)..." >&2
  mvn -B -q -f "$root/pom.xml" -pl provider-client -am -DskipTests package >&2
fi
exec java -Dprovider.root="$root" -jar "$jar" "$@"
