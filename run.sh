#!/usr/bin/env bash
# Starts the development stack: Keycloak (with the dev realm), the embedded store and the
# gateway over HTTPS. Builds first when the build is missing or older than the sources.
# Ctrl-C stops everything it started; data stays in ./data for the next start.
set -euo pipefail
cd "$(dirname "$0")"

jar=gateway/target/gateway.jar
if [ ! -f "$jar" ] || [ -n "$(find pom.xml schemas protocol gateway/pom.xml gateway/src/main portal-ui \
      -path portal-ui/node_modules -prune -o -path '*/target' -prune -o \
      -newer "$jar" -type f -print -quit)" ]; then
  echo "Bouwen (mvn install, zonder tests)..."
  mvn -B -q -DskipTests install
fi

keycloak_home=$(ls -d gateway/target/keycloak/keycloak-*/ | head -n 1)
exec java -Dkeycloak.home="${keycloak_home%/}" \
  -Dvertx.logger-delegate-factory-class-name=io.vertx.core.logging.SLF4JLogDelegateFactory \
  -cp "$jar" nl.reintegratie.gateway.devstack.DevStack "$@"
