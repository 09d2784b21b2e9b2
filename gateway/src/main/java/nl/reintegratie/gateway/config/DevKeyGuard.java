package nl.reintegratie.gateway.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Finds development key material in a production configuration. Three independent signs,
 * because a copied file loses its path and a renamed folder loses its name:
 * <ul>
 *   <li>a configured file lies inside a folder named {@code keys-dev};</li>
 *   <li>a certificate's subject carries the {@value #DEV_CERT_MARKER} marker that
 *       {@code keys-dev/generate.sh} puts in every certificate, or a key file says
 *       {@code "development-only"} (the KEK file does);</li>
 *   <li>a secret value starts with {@value #DEV_SECRET_PREFIX}, like every generated dev secret, or the gateway's
 *       signing key id is the development one ({@value #DEV_GATEWAY_KEY_ID}; a PEM key file carries no marker of
 *       its own, so a copied dev signing key under a new key id is not recognised).</li>
 * </ul>
 */
final class DevKeyGuard {

  static final String DEV_CERT_MARKER = "DEVELOPMENT ONLY";
  static final String DEV_SECRET_PREFIX = "dev-only-";
  /** The key id of {@code keys-dev/gateway/signing-ed25519.key}, fixed by {@code keys-dev/generate.sh}. */
  static final String DEV_GATEWAY_KEY_ID = "gateway-dev-ed25519-1";
  private static final String DEV_FILE_MARKER = "development-only";

  private DevKeyGuard() {}

  static List<ConfigException.Problem> findDevelopmentKeys(GatewayConfig config, Map<String, String> values) {
    List<ConfigException.Problem> found = new ArrayList<>();
    checkFile("TLS_CERT_FILE", config.http().tlsCertFile(), found);
    checkFile("TLS_KEY_FILE", config.http().tlsKeyFile(), found);
    checkFile("KEK_FILE", config.kekFile(), found);
    checkFile("GATEWAY_SIGNING_KEY_FILE", config.responseSigning().keyFile(), found);
    if (config.responseSigning().keyId().equals(DEV_GATEWAY_KEY_ID)) {
      found.add(refused("GATEWAY_SIGNING_KEY_ID", "is the key id of the development signing key"));
    }
    String secretFile = values.get("OIDC_CLIENT_SECRET_FILE");
    if (secretFile != null && values.get("OIDC_CLIENT_SECRET") == null) {
      checkFile("OIDC_CLIENT_SECRET_FILE", Path.of(secretFile), found);
    }
    if (config.oidc().clientSecret().reveal().startsWith(DEV_SECRET_PREFIX)) {
      found.add(refused("OIDC_CLIENT_SECRET", "is the development client secret from keys-dev/"));
    }
    if (certificateIsDevelopmentOnly(config.http().tlsCertFile())) {
      found.add(refused("TLS_CERT_FILE", "is a development certificate (its subject says '"
          + DEV_CERT_MARKER + "')"));
    }
    return found;
  }

  private static void checkFile(String setting, Path file, List<ConfigException.Problem> found) {
    if (file == null) {
      return;
    }
    Path absolute = file.toAbsolutePath().normalize();
    for (Path part : absolute) {
      if (part.toString().equals("keys-dev")) {
        found.add(refused(setting, "points into keys-dev/ (" + absolute + ")"));
        return;
      }
    }
    if (!setting.equals("TLS_CERT_FILE") && fileSaysDevelopmentOnly(file)) {
      found.add(refused(setting, "is marked '" + DEV_FILE_MARKER + "'"));
    }
  }

  private static ConfigException.Problem refused(String setting, String why) {
    return new ConfigException.Problem(setting, why
        + "; development keys are refused in the prod profile. Use your own key material,"
        + " or start with GATEWAY_PROFILE=dev");
  }

  private static boolean fileSaysDevelopmentOnly(Path file) {
    try {
      if (!Files.isRegularFile(file) || Files.size(file) > 1_000_000) {
        return false;
      }
      String text = Files.readString(file, StandardCharsets.UTF_8);
      return text.contains(DEV_FILE_MARKER) || text.startsWith(DEV_SECRET_PREFIX);
    } catch (IOException e) {
      return false; // unreadable files are reported when the component that needs them starts
    }
  }

  private static boolean certificateIsDevelopmentOnly(Path certFile) {
    if (certFile == null || !Files.isRegularFile(certFile)) {
      return false;
    }
    try (InputStream in = Files.newInputStream(certFile)) {
      Collection<? extends java.security.cert.Certificate> certs =
          CertificateFactory.getInstance("X.509").generateCertificates(in);
      for (java.security.cert.Certificate cert : certs) {
        X509Certificate x509 = (X509Certificate) cert;
        if (x509.getSubjectX500Principal().getName().contains(DEV_CERT_MARKER)
            || x509.getIssuerX500Principal().getName().contains(DEV_CERT_MARKER)) {
          return true;
        }
      }
      return false;
    } catch (IOException | CertificateException e) {
      return false;
    }
  }
}
