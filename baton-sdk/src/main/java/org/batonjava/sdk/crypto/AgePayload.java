package org.batonjava.sdk.crypto;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The payload of an age v1 file: the 16-byte nonce, then the plaintext in STREAM form. The payload key is
 * HKDF(file key, salt = nonce, info = "payload"); the plaintext is cut into 64 KiB chunks, each sealed with
 * ChaCha20-Poly1305 under the nonce (11-byte big-endian chunk counter ‖ last-chunk flag 0x01/0x00). A plaintext
 * that is an exact multiple of 64 KiB ends with a full final chunk; an empty plaintext is one empty final chunk.
 */
final class AgePayload {
  static final int NONCE_SIZE = 16;
  static final int CHUNK_SIZE = 64 * 1024;

  private AgePayload() {}

  static void write(ByteArrayOutputStream out, byte[] fileKey, byte[] nonce, byte[] plaintext) {
    if (nonce.length != NONCE_SIZE) {
      throw new IllegalArgumentException("the age payload nonce is 16 bytes");
    }
    out.writeBytes(nonce);
    byte[] key = Hkdf.sha256(fileKey, nonce, "payload".getBytes(StandardCharsets.US_ASCII), ChaCha20Poly1305.KEY_SIZE);
    long counter = 0;
    int offset = 0;
    do {
      int length = Math.min(CHUNK_SIZE, plaintext.length - offset);
      boolean last = offset + length == plaintext.length;
      out.writeBytes(ChaCha20Poly1305.seal(key, chunkNonce(counter, last), plaintext, offset, length));
      offset += length;
      counter++;
    } while (offset < plaintext.length);
  }

  static byte[] chunkNonce(long counter, boolean last) {
    byte[] nonce = new byte[ChaCha20Poly1305.NONCE_SIZE];
    for (int i = 0; i < 8; i++) {
      nonce[10 - i] = (byte) (counter >>> (8 * i));
    }
    nonce[11] = (byte) (last ? 1 : 0);
    return nonce;
  }
}
