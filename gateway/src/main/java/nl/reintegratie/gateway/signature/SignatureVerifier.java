package nl.reintegratie.gateway.signature;

import nl.reintegratie.protocol.signature.ContentDigest;
import nl.reintegratie.protocol.signature.HttpMessage;
import nl.reintegratie.protocol.signature.SignatureBase;
import nl.reintegratie.protocol.signature.SignatureParams;
import nl.reintegratie.protocol.signature.ReceivedSignature;
import nl.reintegratie.protocol.signature.SignatureException;
import nl.reintegratie.protocol.signature.RejectionReason;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import nl.reintegratie.protocol.crypto.Ed25519;

/**
 * Verifies the RFC 9421 signature of a request against the key directory, the policy and the nonce ledger.
 *
 * <p><b>Which signature.</b> A request may carry several signatures (RFC 9421 allows proxies to add theirs). Exactly
 * one of them must carry a {@code keyid} the directory knows; that one is verified and decides alone. Signatures
 * with foreign key ids are ignored, never verified, so they can neither make a bad request pass nor make a good one
 * fail. Two signatures with known key ids are refused as {@link RejectionReason#MALFORMED}: which organisation
 * speaks would be ambiguous.
 *
 * <p><b>Order of the checks</b>, cheapest and least revealing first: syntax, parameters, key state, time window,
 * covered components, signature, body digest, and only then the nonce, so that a forged request cannot use up a
 * real client's nonce.
 */
public final class SignatureVerifier {

  private final KeyDirectory keys;
  private final NonceLedger nonces;
  private final VerificationPolicy policy;
  private final Clock clock;

  public SignatureVerifier(KeyDirectory keys, NonceLedger nonces, VerificationPolicy policy, Clock clock) {
    this.keys = Objects.requireNonNull(keys);
    this.nonces = Objects.requireNonNull(nonces);
    this.policy = Objects.requireNonNull(policy);
    this.clock = Objects.requireNonNull(clock);
  }

  /**
   * Verifies {@code request} with {@code body} ({@code null} or empty: no body).
   *
   * <p>Success: a future with the signer's identity; then the selected signature is valid under an unrevoked key in
   * its validity period, covers every required component, has {@code created}, {@code keyid} and {@code nonce},
   * {@code created} is within the clock skew, {@code expires} (if any) has not passed, {@code alg} (if any) is
   * {@code ed25519}, a Content-Digest (covered or not) matches the body, and the nonce was used for the first time.
   *
   * <p>Failure: a future failed with {@link SignatureException} naming the first failed check; or with the ledger's
   * own failure when it could not answer.
   */
  public Future<VerifiedSignature> verify(HttpMessage request, byte[] body) {
    Checked checked;
    try {
      checked = check(request, body == null ? new byte[0] : body);
    } catch (SignatureException e) {
      return Future.failedFuture(e);
    }
    return nonces.firstUse(checked.key.keyId(), checked.nonce, checked.nonceExpiry).compose(first -> first
        ? Future.succeededFuture(checked.result)
        : Future.failedFuture(new SignatureException(RejectionReason.REPLAYED_NONCE)));
  }

  private record Checked(RegisteredKey key, String nonce, Instant nonceExpiry, VerifiedSignature result) {
  }

  private Checked check(HttpMessage request, byte[] body) {
    if (!request.isRequest()) {
      throw new IllegalArgumentException("only requests are verified here");
    }
    Instant now = clock.instant();
    ReceivedSignature selected = select(ReceivedSignature.allOf(request));
    SignatureParams params = selected.params();

    String keyId = params.keyId().orElseThrow(() -> reject(RejectionReason.MISSING_PARAMETER));
    long created = params.created().orElseThrow(() -> reject(RejectionReason.MISSING_PARAMETER));
    String nonce = params.nonce().orElseThrow(() -> reject(RejectionReason.MISSING_PARAMETER));
    Optional<Long> expires = params.expires();
    if (nonce.isEmpty()) {
      throw reject(RejectionReason.MISSING_PARAMETER);
    }
    // alg never chooses the algorithm (the key does); a different one is a confusion attempt or a client bug
    if (params.alg().isPresent() && !params.alg().get().equals(VerificationPolicy.ALGORITHM)) {
      throw reject(RejectionReason.ALGORITHM_MISMATCH);
    }

    RegisteredKey key = keys.find(keyId).orElseThrow(() -> reject(RejectionReason.UNKNOWN_KEY));
    if (!key.algorithm().equals(VerificationPolicy.ALGORITHM)) {
      throw reject(RejectionReason.ALGORITHM_MISMATCH);
    }
    if (key.revoked()) {
      throw reject(RejectionReason.REVOKED_KEY);
    }
    if (!key.validAt(now)) {
      throw reject(RejectionReason.KEY_NOT_VALID_NOW);
    }

    long skew = policy.clockSkew().getSeconds();
    long nowSeconds = now.getEpochSecond();
    if (created < nowSeconds - skew || created > nowSeconds + skew) {
      throw reject(RejectionReason.CREATED_OUTSIDE_WINDOW);
    }
    if (expires.isPresent()) {
      if (expires.get() < created) {
        throw reject(RejectionReason.MALFORMED);
      }
      if (nowSeconds > expires.get()) {
        throw reject(RejectionReason.EXPIRED);
      }
    }

    List<String> required = new ArrayList<>(policy.requiredComponents());
    if (body.length > 0) {
      required.addAll(policy.requiredWithBody());
    }
    if (!params.components().containsAll(required)) {
      throw reject(RejectionReason.MISSING_COMPONENT);
    }

    byte[] base = SignatureBase.build(request, params);
    if (!Ed25519.verify(key.publicKey(), base, selected.signature())) {
      throw reject(RejectionReason.BAD_SIGNATURE);
    }
    Optional<String> digest = request.field("content-digest");
    if (digest.isPresent()) {
      ContentDigest.verify(digest.get(), body);
    }

    // after created + skew the window check refuses the signature anyway, so the ledger may forget the nonce
    Instant nonceExpiry = Instant.ofEpochSecond(created + skew);
    VerifiedSignature result = new VerifiedSignature(key.organisationId(), key.keyId(), selected.label(),
        params.components(), Instant.ofEpochSecond(created));
    return new Checked(key, nonce, nonceExpiry, result);
  }

  private ReceivedSignature select(Map<String, ReceivedSignature> signatures) {
    List<ReceivedSignature> attributable = new ArrayList<>();
    boolean withoutKeyId = false;
    for (ReceivedSignature signature : signatures.values()) {
      Optional<String> keyId = signature.params().keyId();
      if (keyId.isEmpty()) {
        withoutKeyId = true;
      } else if (keys.find(keyId.get()).isPresent()) {
        attributable.add(signature);
      }
    }
    if (attributable.size() > 1) {
      throw reject(RejectionReason.MALFORMED);
    }
    if (attributable.isEmpty()) {
      throw reject(withoutKeyId && signatures.size() == 1 ? RejectionReason.MISSING_PARAMETER
          : RejectionReason.UNKNOWN_KEY);
    }
    return attributable.get(0);
  }

  private static SignatureException reject(RejectionReason reason) {
    return new SignatureException(reason);
  }
}
