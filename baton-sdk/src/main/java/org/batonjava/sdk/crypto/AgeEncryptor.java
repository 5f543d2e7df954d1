package org.batonjava.sdk.crypto;

import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Encrypts a plaintext into a binary age v1 file (encryption only) for one or more recipients: a
 * random 16-byte file key is wrapped once per recipient, the header is MACed with it, and the
 * payload is STREAM-encrypted. Randomness is drawn, in order, for the file key, each recipient's
 * ephemeral secret, and the payload nonce, all from the injected {@link SecureRandom} (tests pin it
 * to get byte-exact output).
 */
public final class AgeEncryptor {
  static final int FILE_KEY_SIZE = 16;

  private final SecureRandom random;

  public AgeEncryptor() {
    this(new SecureRandom());
  }

  public AgeEncryptor(SecureRandom random) {
    this.random = random;
  }

  /** Encrypts to one recipient. */
  public byte[] encrypt(byte[] plaintext, AgeRecipient recipient) {
    return encrypt(plaintext, List.of(recipient));
  }

  /** Encrypts to every recipient in {@code recipients} (each can decrypt on its own). */
  public byte[] encrypt(byte[] plaintext, List<? extends AgeRecipient> recipients) {
    if (recipients.isEmpty()) {
      throw new EncryptionException("age: at least one recipient is required");
    }
    byte[] fileKey = new byte[FILE_KEY_SIZE];
    random.nextBytes(fileKey);
    try {
      List<AgeStanza> stanzas = new ArrayList<>(recipients.size());
      for (AgeRecipient recipient : recipients) {
        stanzas.add(recipient.wrap(fileKey, random));
      }
      byte[] header = AgeHeader.encode(stanzas, fileKey);
      byte[] nonce = new byte[AgePayload.NONCE_SIZE];
      random.nextBytes(nonce);
      ByteArrayOutputStream out =
          new ByteArrayOutputStream(
              header.length
                  + AgePayload.NONCE_SIZE
                  + plaintext.length
                  + (plaintext.length / AgePayload.CHUNK_SIZE + 1) * ChaCha20Poly1305.TAG_SIZE);
      out.writeBytes(header);
      AgePayload.write(out, fileKey, nonce, plaintext);
      return out.toByteArray();
    } finally {
      Arrays.fill(fileKey, (byte) 0);
    }
  }
}
