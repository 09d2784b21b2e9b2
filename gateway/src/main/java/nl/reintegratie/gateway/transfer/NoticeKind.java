package nl.reintegratie.gateway.transfer;

import nl.reintegratie.gateway.dossier.Coded;

/**
 * What a client is told about a grant, each at most once. Only {@link #GRANTED} holds up the release: the recipient
 * may fetch only once the client can know.
 */
public enum NoticeKind implements Coded {
  GRANTED("granted"),
  REVOKED("revoked"),
  OBJECTION_DECIDED("objection-decided");

  private final String code;

  NoticeKind(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }

  /** The inbox entry's id for this notice about {@code grantId}: the same id twice is the same notice. */
  public String noticeId(String grantId) {
    return grantId + ":" + code;
  }

  /** Whether the grant is in the state this notice announces (its write may still be on its way, or have failed). */
  public boolean announcedBy(Grant grant) {
    return switch (this) {
      case GRANTED -> true;
      case REVOKED -> grant.revokedAt().isPresent();
      case OBJECTION_DECIDED -> grant.objection().flatMap(Objection::decision).isPresent();
    };
  }
}
