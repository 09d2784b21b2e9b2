/**
 * The HTTP edges of the signature capability. For providers, RFC 9421:
 * {@link nl.reintegratie.gateway.signature.http.ProviderSignatureHandler} authenticates requests by their signature
 * and maps each rejection to its own problem type ({@link nl.reintegratie.gateway.signature.http.SignatureProblems});
 * {@link nl.reintegratie.gateway.signature.http.ResponseSigner} and {@link
 * nl.reintegratie.gateway.signature.http.SignedResponses} sign the responses with the gateway's key. For supervisors,
 * logged in to the portal: {@link nl.reintegratie.gateway.signature.http.ProviderAdminRoutes}, the provider registry
 * (register organisations, add and revoke signing keys, record and withdraw health data attestations) behind
 * {@code identity.StaffAccess}.
 */
package nl.reintegratie.gateway.signature.http;
