/**
 * The provider API's HTTP edge of RFC 9421: {@link nl.reintegratie.gateway.signature.http.ProviderSignatureHandler}
 * authenticates requests by their signature and maps each rejection to its own problem type
 * ({@link nl.reintegratie.gateway.signature.http.SignatureProblems}); {@link
 * nl.reintegratie.gateway.signature.http.ResponseSigner} and {@link
 * nl.reintegratie.gateway.signature.http.SignedResponses} sign the responses with the gateway's key.
 */
package nl.reintegratie.gateway.signature.http;
