package org.batonjava.sdk.c1z;

/** Test access to an {@link EncodedGrant}'s package-private parts. */
public final class EncodedGrantAccess {
  private EncodedGrantAccess() {}

  public static byte[] data(EncodedGrant g) {
    return g.data();
  }

  public static String id(EncodedGrant g) {
    return g.id();
  }
}
