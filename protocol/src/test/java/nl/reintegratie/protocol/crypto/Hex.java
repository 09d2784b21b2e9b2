package nl.reintegratie.protocol.crypto;

import java.util.HexFormat;

/** Hex helpers for the crypto tests. */
final class Hex {

  private Hex() {
  }

  static byte[] bytes(String hex) {
    return HexFormat.of().parseHex(hex.replace(" ", ""));
  }

  static String of(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
