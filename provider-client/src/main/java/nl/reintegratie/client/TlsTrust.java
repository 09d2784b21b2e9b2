package nl.reintegratie.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Which certificate authorities the client trusts for the gateway's TLS certificate: the JVM's default trust store
 * (a gateway with a public certificate), or only the CAs of one PEM file (the dev stack's
 * {@code keys-dev/tls/dev-ca.crt}, or a private CA). Host names are always verified against the certificate.
 */
public final class TlsTrust {

  private final SSLContext context;
  private final String description;

  private TlsTrust(SSLContext context, String description) {
    this.context = context;
    this.description = description;
  }

  /** The JVM's default trust store ({@code cacerts}, or what {@code javax.net.ssl.trustStore} names). */
  public static TlsTrust jvmDefault() {
    try {
      return new TlsTrust(SSLContext.getDefault(), "JVM default trust store");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no default TLS context", e);
    }
  }

  /**
   * Trusts exactly the X.509 certificates in {@code pemFile} as anchors (one or more {@code CERTIFICATE} blocks),
   * nothing else. Failure: {@link IOException} when unreadable, {@link IllegalArgumentException} when it holds no
   * certificate.
   */
  public static TlsTrust fromCaPem(Path pemFile) throws IOException {
    Collection<? extends Certificate> certificates;
    try (InputStream in = Files.newInputStream(pemFile)) {
      certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(pemFile + ": not a PEM file of X.509 certificates");
    }
    if (certificates.isEmpty()) {
      throw new IllegalArgumentException(pemFile + ": holds no certificate");
    }
    try {
      KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
      anchors.load(null, null);
      int i = 0;
      for (Certificate certificate : certificates) {
        anchors.setCertificateEntry("ca-" + i++, (X509Certificate) certificate);
      }
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(anchors);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return new TlsTrust(context, "CA file " + pemFile);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot build a TLS context", e);
    }
  }

  /** The TLS context, for a caller's own {@code HttpClient} next to this library (benchmarks compare with one). */
  public SSLContext sslContext() {
    return context;
  }

  @Override
  public String toString() {
    return "TlsTrust[" + description + "]";
  }
}
