#!/usr/bin/env bash
# =====================================================================================
#  DEVELOPMENT-ONLY key material for the Re-integratie Gateway.
#
#  Regenerates EVERYTHING under keys-dev/ (except this script, README.md and the realm
#  template): the file layout is fixed, the contents (keys, secrets, serial numbers) are
#  random on every run. Existing files are overwritten. The output is committed on purpose:
#  these keys protect nothing. The gateway refuses them outside the `dev` profile.
#
#  Requires: bash, openssl 3.x, sed, date.
#  Usage:    keys-dev/generate.sh            (from any working directory)
# =====================================================================================
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
KEYS_DEV="$(pwd)"

# The marker the gateway looks for in certificate subjects to refuse dev certs in prod.
readonly DEV_MARKER_ORG="Reintegratie Gateway DEVELOPMENT ONLY"

die() { echo "generate.sh: $*" >&2; exit 1; }

# Scratch space for CSRs and extension files; never part of the output.
WORK_DIR="$(mktemp -d)"
trap 'rm -rf "${WORK_DIR}"' EXIT

command -v openssl >/dev/null || die "openssl not found"
case "$(openssl version)" in
  "OpenSSL 3."*) ;;
  *) die "openssl 3.x required, found: $(openssl version)" ;;
esac

# Random URL-safe string of exactly $1 characters (base64url alphabet, no padding).
random_urlsafe() {
  local length="$1"
  openssl rand -base64 $((length * 2)) | tr -d '\n=' | tr '+/' '-_' | cut -c1-"${length}"
}

# 128-bit random positive certificate serial number.
random_serial() {
  echo "0x$(openssl rand -hex 16 | sed 's/^./7/')"
}

# Writes a private key (PKCS#8 PEM, unencrypted) for the given openssl genpkey arguments,
# plus the matching SPKI public key when a second path is given.
new_key() {
  local private_key="$1" public_key="${2:-}"
  shift 2
  openssl genpkey "$@" -out "${private_key}" 2>/dev/null
  chmod 600 "${private_key}"
  if [[ -n "${public_key}" ]]; then
    openssl pkey -in "${private_key}" -pubout -out "${public_key}"
  fi
}

# The 11-proof (elfproef) for BSNs: 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 must be divisible by 11.
bsn_is_valid() {
  local bsn="$1" sum=0 i
  [[ "${bsn}" =~ ^[0-9]{9}$ ]] || return 1
  for i in 0 1 2 3 4 5 6 7; do
    sum=$((sum + (9 - i) * ${bsn:i:1}))
  done
  sum=$((sum - ${bsn:8:1}))
  ((sum % 11 == 0))
}

# -------------------------------------------------------------------------------------
# TLS: a development CA and a localhost server certificate signed by it.
# -------------------------------------------------------------------------------------
generate_tls() {
  local dir="${KEYS_DEV}/tls"
  mkdir -p "${dir}"
  local work="${WORK_DIR}/tls"
  mkdir -p "${work}"

  new_key "${dir}/dev-ca.key" "" -algorithm EC -pkeyopt ec_paramgen_curve:P-256
  openssl req -x509 -new -sha256 -days 3650 \
    -key "${dir}/dev-ca.key" \
    -set_serial "$(random_serial)" \
    -subj "/C=NL/O=${DEV_MARKER_ORG}/OU=Development CA/CN=Reintegratie Gateway Dev CA" \
    -addext "basicConstraints=critical,CA:TRUE,pathlen:0" \
    -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -addext "subjectKeyIdentifier=hash" \
    -out "${dir}/dev-ca.crt"

  new_key "${dir}/localhost.key" "" -algorithm EC -pkeyopt ec_paramgen_curve:P-256
  openssl req -new -sha256 \
    -key "${dir}/localhost.key" \
    -subj "/C=NL/O=${DEV_MARKER_ORG}/OU=Gateway/CN=localhost" \
    -out "${work}/localhost.csr"
  cat > "${work}/localhost.ext" <<'EXT'
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = DNS:localhost, IP:127.0.0.1, IP:::1
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
EXT
  # 825 days: the maximum lifetime browsers accept for a server certificate from a
  # (locally trusted) private CA.
  openssl x509 -req -sha256 -days 825 \
    -in "${work}/localhost.csr" \
    -CA "${dir}/dev-ca.crt" -CAkey "${dir}/dev-ca.key" \
    -set_serial "$(random_serial)" \
    -extfile "${work}/localhost.ext" \
    -out "${dir}/localhost.crt" 2>/dev/null

  openssl verify -CAfile "${dir}/dev-ca.crt" "${dir}/localhost.crt" >/dev/null \
    || die "localhost.crt does not verify against dev-ca.crt"
}

# -------------------------------------------------------------------------------------
# Key ring for data at rest: key-encryption key (KEK) version 1 for envelope encryption
# of dossiers, and the lookup key of the keyed hash (HMAC-SHA256) that BSN lookups use.
# -------------------------------------------------------------------------------------
generate_kek() {
  local dir="${KEYS_DEV}/kek"
  mkdir -p "${dir}"
  local created key lookup_key
  created="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  key="$(openssl rand -base64 32 | tr -d '\n')"
  lookup_key="$(openssl rand -base64 32 | tr -d '\n')"
  cat > "${dir}/kek-dev.json" <<JSON
{"purpose":"development-only","activeVersion":1,"keys":[{"version":1,"createdAt":"${created}","key":"${key}"}],"lookupKey":"${lookup_key}"}
JSON
  chmod 600 "${dir}/kek-dev.json"
}

# -------------------------------------------------------------------------------------
# Demo re-integration providers: Ed25519 signing key + X25519 encryption key each.
# KvK numbers are fixed (fictitious) so provider ids and OINs stay stable across runs.
# -------------------------------------------------------------------------------------
generate_provider() {
  local id="$1" name="$2" kvk="$3" attestation="${4:-}"
  [[ "${kvk}" =~ ^[0-9]{8}$ ]] || die "KvK number for ${id} must be 8 digits"
  local dir="${KEYS_DEV}/providers/${id}"
  mkdir -p "${dir}"
  local key_year
  key_year="$(date -u +%Y)"

  new_key "${dir}/signing-ed25519.key" "${dir}/signing-ed25519.pub" -algorithm ed25519
  new_key "${dir}/encryption-x25519.key" "${dir}/encryption-x25519.pub" -algorithm x25519

  # a health data attestation (reference of the signed statement, valid two years from registration) lets the
  # demo release health data to this provider; flat members, so the provider client's FlatJson reads the file
  local attested=""
  if [[ -n "${attestation}" ]]; then
    attested="\"healthDataAttestationReference\":\"${attestation}-${key_year}-001\",\"healthDataAttestationValidFor\":\"P2Y\","
  fi

  cat > "${dir}/provider.json" <<JSON
{"id":"${id}","name":"${name}","kvk":"${kvk}","oin":"00000003${kvk}0000","signingKeyId":"${id}-ed25519-${key_year}-1",${attested}"purpose":"development-only"}
JSON
}

generate_providers() {
  generate_provider werkpad   "Werkpad Re-integratie B.V."    "91234567"
  generate_provider kansrijk  "Kansrijk Werk & Talent B.V."   "92345678" "KR-VGV"
  generate_provider startlijn "Startlijn Loopbaanbegeleiding B.V." "93456789"
}

# -------------------------------------------------------------------------------------
# The gateway's own Ed25519 signing key, for its signed provider API responses. The key id
# is fixed (no year): the dev configuration names it (GATEWAY_SIGNING_KEY_ID) and the prod
# profile refuses it.
# -------------------------------------------------------------------------------------
generate_gateway() {
  local dir="${KEYS_DEV}/gateway"
  mkdir -p "${dir}"
  new_key "${dir}/signing-ed25519.key" "${dir}/signing-ed25519.pub" -algorithm ed25519
  cat > "${dir}/gateway.json" <<JSON
{"signingKeyId":"gateway-dev-ed25519-1","purpose":"development-only"}
JSON
}

# -------------------------------------------------------------------------------------
# Keycloak: bootstrap admin password, portal-bff client secret, realm import file.
# -------------------------------------------------------------------------------------
generate_keycloak() {
  local dir="${KEYS_DEV}/keycloak"
  local template="${dir}/realm-reintegratie.template.json"
  [[ -f "${template}" ]] || die "missing ${template}"
  mkdir -p "${dir}"

  local client_secret admin_password
  client_secret="dev-only-$(random_urlsafe 40)"
  admin_password="dev-only-$(random_urlsafe 24)"
  printf '%s\n' "${client_secret}" > "${dir}/portal-bff.secret"
  printf '%s\n' "${admin_password}" > "${dir}/admin.secret"
  chmod 600 "${dir}/portal-bff.secret" "${dir}/admin.secret"

  # The secret only contains [A-Za-z0-9_-], so it is safe in a sed replacement and in JSON.
  sed "s/@@PORTAL_BFF_SECRET@@/${client_secret}/g" "${template}" > "${dir}/realm-reintegratie.json"
  grep -q '@@' "${dir}/realm-reintegratie.json" && die "unreplaced placeholder in realm-reintegratie.json"

  # Every demo BSN in the realm must pass the 11-proof.
  local bsn count=0
  for bsn in $(grep -A1 '"bsn": \[' "${dir}/realm-reintegratie.json" | grep -oE '"[0-9]+"' | tr -d '"'); do
    bsn_is_valid "${bsn}" || die "demo BSN ${bsn} fails the 11-proof"
    count=$((count + 1))
  done
  ((count > 0)) || die "no demo BSNs found in the realm"
}

generate_tls
generate_kek
generate_providers
generate_gateway
generate_keycloak

echo "keys-dev: regenerated development-only key material in ${KEYS_DEV}"
echo "keys-dev: remember to restart the dev stack with a FRESH Keycloak data dir: an existing realm is not re-imported."
