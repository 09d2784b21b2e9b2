package nl.reintegratie.gateway.dossier;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The provider's RFC 9421 signature over the request that submitted a document, kept next to the document so that
 * anyone holding the provider's public key can later re-verify that this provider sent exactly these bytes: the
 * document's content is the request body byte for byte, {@code contentDigest} is its RFC 9530 digest, and the
 * signature covers that digest. Everything else the signature covers is kept too ({@code method},
 * {@code targetUri}, the covered header fields), so the signature base can be rebuilt exactly. Holds no personal
 * data (header values and ids only).
 *
 * @param keyId          the provider's key that made the signature
 * @param label          the label of the verified signature within the two header fields
 * @param method         the request method ({@code @method})
 * @param targetUri      the target URI the signature was verified against ({@code @target-uri})
 * @param coveredFields  the value of every covered header field, by lower-case name, in signed order
 * @param signatureInput the request's {@code Signature-Input} field value, as received
 * @param signature      the request's {@code Signature} field value, as received
 * @param contentDigest  the request's {@code Content-Digest} field value, as received
 * @param created        the signature's {@code created} parameter
 */
public record SubmissionEvidence(String keyId, String label, String method, String targetUri,
    Map<String, String> coveredFields, String signatureInput, String signature, String contentDigest,
    Instant created) {

  public SubmissionEvidence {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(targetUri, "targetUri");
    coveredFields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(coveredFields));
    Objects.requireNonNull(signatureInput, "signatureInput");
    Objects.requireNonNull(signature, "signature");
    Objects.requireNonNull(contentDigest, "contentDigest");
    Objects.requireNonNull(created, "created");
  }
}
