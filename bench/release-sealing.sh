#!/usr/bin/env bash
# Measures sealing a dossier release to a provider's X25519 key (crypto.ReleaseSealer: HPKE for the content key,
# the JDK's AES-256-GCM for the body) against Bouncy Castle's HPKE sealing the whole body, on one thread.
# Usage: bench/release-sealing.sh [bodyBytes] [seconds]   (defaults: 102400 bytes, 3 s per row after a 2 s warm-up)
set -euo pipefail
exec "$(dirname "$0")/run-benchmark.sh" nl.reintegratie.protocol.crypto.ReleaseSealingBenchmark "${1:-102400}" "${2:-3}"
