#!/usr/bin/env bash
# Operator commands (key rotation, retention), with the same configuration as the gateway.
#   ./admin.sh add-kek | rotate-keys | retire-kek <version> | shred-expired | register-provider <folder> [days] | revoke-key <keyId>
#   ./admin.sh verify-log   (exit 0: the disclosure log verifies; 1: the first problem, on one line)
# For the dev stack: GATEWAY_PROFILE=dev ./admin.sh rotate-keys  (stop ./run.sh first: the
# embedded store is opened by one process at a time).
set -euo pipefail
cd "$(dirname "$0")"
jar=gateway/target/gateway.jar
[ -f "$jar" ] || mvn -B -q -DskipTests install
exec java -cp "$jar" nl.reintegratie.gateway.app.Admin "$@"
