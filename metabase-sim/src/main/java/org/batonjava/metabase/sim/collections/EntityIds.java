package org.batonjava.metabase.sim.collections;

/** Deterministic 21-character entity ids for collections (Metabase's NanoID alphabet). */
final class EntityIds {
  private static final String ALPHABET =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_-";

  private EntityIds() {}

  static String of(int collectionId) {
    long x = 0x9E3779B97F4A7C15L * (collectionId + 1L);
    StringBuilder sb = new StringBuilder(21);
    for (int i = 0; i < 21; i++) {
      x ^= x >>> 29;
      x *= 0xBF58476D1CE4E5B9L;
      sb.append(ALPHABET.charAt((int) ((x >>> 40) & 63)));
    }
    return sb.toString();
  }
}
