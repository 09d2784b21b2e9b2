package nl.reintegratie.gateway.transfer;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/** Where grants are kept. Each change is one atomic write of one grant document (no transactions). */
public interface GrantRepository {

  /** Stores a new grant durably. Fails with {@code AlreadyExistsException} for a taken id. */
  Future<Void> create(Grant grant);

  Future<Optional<Grant>> findById(String grantId);

  /** Every grant to {@code organisation}, whatever its availability, oldest first. */
  Future<List<Grant>> listByRecipient(String organisation);
}
