package nl.reintegratie.gateway.dossier.http;

import nl.reintegratie.gateway.dossier.DocumentType;

/**
 * The document kinds a provider submits, each with its collection path under a trajectory and the JSON Schema its
 * request body must satisfy. All share one handler; adding a kind is one line here plus its OpenAPI operation.
 */
enum DocumentKind {
  PLAN_OF_APPROACH("plans-of-approach", "plan-of-approach-submission", DocumentType.PLAN_OF_APPROACH),
  PROGRESS_REPORT("progress-reports", "progress-report-submission", DocumentType.PROGRESS_REPORT),
  REPORT_BACK("report-backs", "report-back-submission", DocumentType.REPORT_BACK),
  CONTACT_MOMENT("contact-moments", "contact-moment-submission", DocumentType.CONTACT_MOMENT),
  END_REPORT("end-reports", "end-report-submission", DocumentType.END_REPORT);

  final String pathSegment;
  final String schema;
  final DocumentType type;

  DocumentKind(String pathSegment, String schema, DocumentType type) {
    this.pathSegment = pathSegment;
    this.schema = schema;
    this.type = type;
  }
}
