// Verifies a signed request with the independent RFC 9421 implementation `http-message-signatures` (npm), for the
// gateway's interop test. Input on stdin, one JSON object:
//   { method, url, headers: {name: value}, keyId, publicKeySpki: base64 DER, now: epoch seconds }
// Output on stdout: {"valid": true|false}; the library's error message when it throws.
import { createPublicKey } from 'node:crypto';
import { httpbis, createVerifier } from 'http-message-signatures';

const input = JSON.parse(await new Response(process.stdin).text());
const publicKey = createPublicKey({ key: Buffer.from(input.publicKeySpki, 'base64'), format: 'der', type: 'spki' });
try {
  const valid = await httpbis.verifyMessage({
    keyLookup: async (params) => params.keyid === input.keyId
      ? { id: input.keyId, algs: ['ed25519'], verify: createVerifier(publicKey, 'ed25519') }
      : null,
    notAfter: new Date((input.now + 300) * 1000),
    requiredParams: ['created', 'keyid', 'nonce'],
    requiredFields: ['@method', '@target-uri', 'content-digest', 'content-type'],
  }, { method: input.method, url: input.url, headers: input.headers });
  process.stdout.write(JSON.stringify({ valid: valid === true }));
} catch (e) {
  process.stdout.write(JSON.stringify({ valid: false, error: String(e && e.message) }));
}
