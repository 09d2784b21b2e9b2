package nl.reintegratie.gateway.audit.mongo;

/** Tampering found when the verifier reads the log with one cursor sorted by {@code _id}, as on MongoDB. */
class CursorTamperDetectionTest extends TamperDetection {

  @Override
  ScanMode scanMode() {
    return ScanMode.CURSOR;
  }
}
