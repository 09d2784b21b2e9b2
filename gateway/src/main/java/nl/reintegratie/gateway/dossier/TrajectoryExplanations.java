package nl.reintegratie.gateway.dossier;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Opens the commissioner's sealed explanations of a trajectory's decisions (report-backs, follow-up), for the people
 * they are shown to. The same texts as {@link CommissionerDossiers#explained} opens for the commissioner; the client
 * sees them too, since they are about the client.
 */
final class TrajectoryExplanations {

  private TrajectoryExplanations() {
  }

  /**
   * Success: the trajectory with its explanations opened; without them once the client was shredded (the decisions'
   * metadata stays, their texts went with the key). Failure: an integrity failure of a text, the store's.
   */
  static Future<CommissionerDossiers.Explained> open(DossierService dossiers, Trajectory trajectory) {
    Map<String, Future<String>> reportBacks = new LinkedHashMap<>();
    trajectory.reportBacks().forEach(reportBack -> reportBack.decision().flatMap(ReportBackDecision::explanation)
        .ifPresent(sealed -> reportBacks.put(reportBack.documentId(), dossiers.openText(trajectory,
            SealedText.reportBackDecision(reportBack.documentId()), sealed))));
    Optional<Future<String>> followUp = trajectory.followUp().flatMap(FollowUpDecision::explanation)
        .map(sealed -> dossiers.openText(trajectory, SealedText.FOLLOW_UP_DECISION, sealed));
    List<Future<String>> all = new ArrayList<>(reportBacks.values());
    followUp.ifPresent(all::add);
    return Future.all(all)
        .map(opened -> {
          Map<String, String> texts = new LinkedHashMap<>();
          reportBacks.forEach((documentId, text) -> texts.put(documentId, text.result()));
          return new CommissionerDossiers.Explained(trajectory, texts, followUp.map(Future::result));
        })
        .recover(failure -> failure instanceof ShreddedException
            ? Future.succeededFuture(new CommissionerDossiers.Explained(trajectory, Map.of(), Optional.empty()))
            : Future.failedFuture(failure));
  }
}
