package nl.reintegratie.gateway.dossier;

/**
 * A value with a stable lower-kebab-case code. Storage and JSON use the code, never the Java constant name, so a
 * constant can be renamed without migrating data or breaking API clients.
 */
public interface Coded {

  /** The stable code, e.g. {@code "reported-back"}. */
  String code();

  /**
   * The constant of {@code type} with {@code code}.
   *
   * @throws IllegalArgumentException for an unknown code (the message names the type, not the input, which may
   *                                  come from a request)
   */
  static <E extends Enum<E> & Coded> E fromCode(Class<E> type, String code) {
    for (E value : type.getEnumConstants()) {
      if (value.code().equals(code)) {
        return value;
      }
    }
    throw new IllegalArgumentException("unknown " + type.getSimpleName() + " code");
  }
}
