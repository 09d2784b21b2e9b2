package nl.reintegratie.protocol.signature;

/**
 * An RFC 8941 token (an unquoted identifier such as {@code sha-256}), distinct from a string so that a parameter
 * value keeps its type through parse and serialise.
 */
public record Token(String value) {

  public Token {
    if (!StructuredFields.isToken(value)) {
      throw new IllegalArgumentException("not an RFC 8941 token");
    }
  }
}
