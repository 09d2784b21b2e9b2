package nl.reintegratie.gateway.app;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import nl.reintegratie.gateway.audit.CheckpointSigner;
import nl.reintegratie.gateway.audit.DisclosureLog;
import nl.reintegratie.gateway.audit.VerificationResult;
import nl.reintegratie.gateway.audit.mongo.MongoDisclosureLog;
import nl.reintegratie.gateway.audit.mongo.MongoLogVerification;
import nl.reintegratie.gateway.audit.mongo.ScanMode;
import nl.reintegratie.gateway.config.GatewayConfig;
import nl.reintegratie.gateway.signature.http.ResponseSigner;
import nl.reintegratie.gateway.store.Store;

/**
 * The disclosure log as the gateway's configuration defines it: on the gateway's store, its checkpoints signed with
 * the gateway's own Ed25519 key ({@code GATEWAY_SIGNING_KEY_FILE}, see {@link CheckpointSigner} for why that key),
 * named {@code DISCLOSURE_LOG_ORIGIN} (by default {@code <host[:port] of PUBLIC_BASE_URL>/disclosure-log}). The
 * origin is part of every checkpoint, so it must stay the same for the log's lifetime (pin it when the public URL
 * may move); a key rotation needs the old public key among the verifier's trusted keys.
 */
public final class DisclosureLogs {

  private DisclosureLogs() {
  }

  /**
   * Opens the log: its index, the signed empty head on first use, the entries a crash left after the head. Reads the
   * key file on the caller's thread: call it while starting, not on an event loop.
   */
  public static Future<DisclosureLog> open(Vertx vertx, Store store, GatewayConfig config) {
    CheckpointSigner signer;
    try {
      signer = signer(config);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    return MongoDisclosureLog.open(vertx, store, signer, Clock.systemUTC(), scanMode(config)).map(log -> log);
  }

  /** Verifies the stored log without writing anything (what {@code ./admin.sh verify-log} runs). */
  public static Future<VerificationResult> verify(Vertx vertx, Store store, GatewayConfig config) {
    CheckpointSigner signer;
    try {
      signer = signer(config);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    return new MongoLogVerification(vertx, store, signer.verifier(), scanMode(config)).run();
  }

  /**
   * MongoDB streams a cursor over the {@code _id} index; the embedded server would hold the whole collection in the
   * heap for one query, so it is read in pages (see {@link ScanMode}).
   */
  static ScanMode scanMode(GatewayConfig config) {
    return config.store().mongoUri().isPresent() ? ScanMode.CURSOR : ScanMode.PAGES;
  }

  /** The log's name, the first line of its checkpoints: {@code localhost:8443/disclosure-log} in development. */
  static String origin(GatewayConfig config) {
    return config.disclosureLogOrigin();
  }

  /** Blocking: the checkpoint signer with the key in {@code GATEWAY_SIGNING_KEY_FILE} (PKCS#8 PEM). */
  static CheckpointSigner signer(GatewayConfig config) {
    return new CheckpointSigner(origin(config), ResponseSigner.signingKey(config.responseSigning().keyFile()));
  }
}
