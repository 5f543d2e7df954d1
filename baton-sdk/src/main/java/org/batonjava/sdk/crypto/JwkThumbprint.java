package org.batonjava.sdk.crypto;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import java.util.HexFormat;

/**
 * Baton's key id for a JWK: the RFC 7638 SHA-256 thumbprint (over the required public members in
 * lexicographic order, no whitespace) as 64 lowercase hex characters, not base64url.
 */
public final class JwkThumbprint {
  private JwkThumbprint() {}

  /** The lowercase hex SHA-256 thumbprint; for a private JWK it is that of its public part. */
  public static String hex(JWK jwk) {
    try {
      return HexFormat.of().formatHex(jwk.computeThumbprint("SHA-256").decode());
    } catch (JOSEException e) {
      throw new EncryptionException("cannot compute the JWK thumbprint: " + e.getMessage(), e);
    }
  }
}
