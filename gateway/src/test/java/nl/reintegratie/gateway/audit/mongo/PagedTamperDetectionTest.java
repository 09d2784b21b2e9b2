package nl.reintegratie.gateway.audit.mongo;

/** Tampering found when the verifier reads the log in pages of {@code _id}s, as on the embedded store. */
class PagedTamperDetectionTest extends TamperDetection {

  @Override
  ScanMode scanMode() {
    return ScanMode.PAGES;
  }
}
