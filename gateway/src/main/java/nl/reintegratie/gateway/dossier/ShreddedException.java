package nl.reintegratie.gateway.dossier;

/**
 * The client's key was destroyed (retention ended, or erasure): their documents and personal
 * data exist only as ciphertext nobody can read any more.
 */
public final class ShreddedException extends RuntimeException {

  public ShreddedException() {
    super("the client's data was shredded", null, false, false);
  }
}
