package org.batonjava.sdk.crypto;

import java.security.SecureRandom;

/**
 * A public key that an age file can be encrypted to: it wraps the file key into one header stanza.
 */
public interface AgeRecipient {
  /**
   * Wraps the 16-byte file key for this recipient.
   *
   * @param random the source of any ephemeral secrets (injectable so tests can pin the output)
   */
  AgeStanza wrap(byte[] fileKey, SecureRandom random);
}
