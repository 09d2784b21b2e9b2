#!/usr/bin/env bash
# Measures AES-256-GCM on one thread: the JDK's provider (what crypto.DataKey uses) against Bouncy Castle's
# pure-Java GCMBlockCipher, and the crypto cost of storing and reading one document (data key + seal + wrap).
# Usage: bench/aes-gcm.sh [messageBytes] [seconds]   (defaults: 102400 bytes, 3 s per row after a 2 s warm-up)
set -euo pipefail
exec "$(dirname "$0")/run-benchmark.sh" nl.reintegratie.gateway.crypto.AesGcmBenchmark "${1:-102400}" "${2:-3}"
