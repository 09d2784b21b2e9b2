package nl.reintegratie.client;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The document kinds a provider submits under a trajectory, by the path segment of their collection. */
public enum DocumentKind {
  PLAN_OF_APPROACH("plans-of-approach"),
  PROGRESS_REPORT("progress-reports"),
  REPORT_BACK("report-backs"),
  CONTACT_MOMENT("contact-moments"),
  END_REPORT("end-reports");

  private final String pathSegment;

  DocumentKind(String pathSegment) {
    this.pathSegment = pathSegment;
  }

  /** The collection's segment in {@code /api/v1/trajectories/{id}/<segment>}, e.g. {@code end-reports}. */
  public String pathSegment() {
    return pathSegment;
  }

  /** The kind whose path segment is {@code segment}. Failure: {@link IllegalArgumentException} listing them all. */
  public static DocumentKind fromPathSegment(String segment) {
    for (DocumentKind kind : values()) {
      if (kind.pathSegment.equals(segment)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown document kind \"" + segment + "\"; one of: " + segments());
  }

  /** Every path segment, separated by {@code " | "}. */
  public static String segments() {
    return Arrays.stream(values()).map(DocumentKind::pathSegment).collect(Collectors.joining(" | "));
  }
}
