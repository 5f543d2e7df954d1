package org.batonjava.sdk.crypto;

import java.util.Optional;

/**
 * A private key that can open age files: it recognises and unwraps the header stanzas addressed to
 * it.
 */
public interface AgeIdentity {
  /**
   * The 16-byte file key from {@code stanza}, or empty when the stanza is for another recipient.
   *
   * @throws DecryptionException when the stanza is addressed to this identity but cannot be
   *     unwrapped
   */
  Optional<byte[]> unwrap(AgeStanza stanza);
}
