package nl.reintegratie.gateway.dossier;

/** The Dutch citizen service number: nine digits that pass the eleven-test. */
public final class Bsn {

  private Bsn() {}

  public static boolean isValid(String bsn) {
    if (bsn == null || bsn.length() != 9 || !bsn.chars().allMatch(Character::isDigit) || bsn.startsWith("00000000")) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 8; i++) {
      sum += (9 - i) * (bsn.charAt(i) - '0');
    }
    sum -= bsn.charAt(8) - '0';
    return sum % 11 == 0;
  }
}
