// Signs a request with the independent RFC 9421 implementation `http-message-signatures` (npm), for the gateway's
// interop test. Input on stdin, one JSON object:
//   { method, url, headers: {name: value}, fields: [component, ...], keyId, privateKeyPkcs8: base64 DER,
//     created: epoch seconds, nonce, label }
// Output on stdout: the signed request's headers as one JSON object (including Signature-Input and Signature).
import { createPrivateKey } from 'node:crypto';
import { httpbis, createSigner } from 'http-message-signatures';

const input = JSON.parse(await new Response(process.stdin).text());
const key = createPrivateKey({ key: Buffer.from(input.privateKeyPkcs8, 'base64'), format: 'der', type: 'pkcs8' });
const signed = await httpbis.signMessage({
  key: createSigner(key, 'ed25519', input.keyId),
  name: input.label,
  fields: input.fields,
  params: ['created', 'keyid', 'nonce'],
  paramValues: { created: new Date(input.created * 1000), nonce: input.nonce },
}, { method: input.method, url: input.url, headers: input.headers });
process.stdout.write(JSON.stringify(signed.headers));
