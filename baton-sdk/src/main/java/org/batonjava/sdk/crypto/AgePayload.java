package org.batonjava.sdk.crypto;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The payload of an age v1 file: the 16-byte nonce, then the plaintext in STREAM form. The payload
 * key is HKDF(file key, salt = nonce, info = "payload"); the plaintext is cut into 64 KiB chunks,
 * each sealed with ChaCha20-Poly1305 under the nonce (11-byte big-endian chunk counter ‖ last-chunk
 * flag 0x01/0x00). A plaintext that is an exact multiple of 64 KiB ends with a full final chunk; an
 * empty plaintext is one empty final chunk.
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
    byte[] key =
        Hkdf.sha256(
            fileKey,
            nonce,
            "payload".getBytes(StandardCharsets.US_ASCII),
            ChaCha20Poly1305.KEY_SIZE);
    long counter = 0;
    int offset = 0;
    do {
      int length = Math.min(CHUNK_SIZE, plaintext.length - offset);
      boolean last = offset + length == plaintext.length;
      out.writeBytes(
          ChaCha20Poly1305.seal(key, chunkNonce(counter, last), plaintext, offset, length));
      offset += length;
      counter++;
    } while (offset < plaintext.length);
  }

  /**
   * The plaintext of the payload that starts at {@code offset}, refusing more than {@code
   * maxPlaintext} bytes.
   *
   * @throws DecryptionException when a chunk fails to authenticate, the file is cut, or it is too
   *     large
   */
  static byte[] read(byte[] file, int offset, byte[] fileKey, int maxPlaintext) {
    if (file.length - offset < NONCE_SIZE + ChaCha20Poly1305.TAG_SIZE) {
      throw new DecryptionException("the age payload is truncated");
    }
    byte[] nonce = Arrays.copyOfRange(file, offset, offset + NONCE_SIZE);
    byte[] key =
        Hkdf.sha256(
            fileKey,
            nonce,
            "payload".getBytes(StandardCharsets.US_ASCII),
            ChaCha20Poly1305.KEY_SIZE);
    long plaintextSize =
        (long) (file.length - offset - NONCE_SIZE)
            - ChaCha20Poly1305.TAG_SIZE * chunkCount(file.length - offset - NONCE_SIZE);
    if (plaintextSize > maxPlaintext) {
      throw new DecryptionException(
          "the age payload is larger than the " + maxPlaintext + " bytes accepted here");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.max(0, plaintextSize));
    int position = offset + NONCE_SIZE;
    long counter = 0;
    while (true) {
      int length = Math.min(CHUNK_SIZE + ChaCha20Poly1305.TAG_SIZE, file.length - position);
      boolean last = position + length == file.length;
      if (length < ChaCha20Poly1305.TAG_SIZE) {
        throw new DecryptionException("the age payload is truncated");
      }
      if (last && length == ChaCha20Poly1305.TAG_SIZE && counter > 0) {
        throw new DecryptionException(
            "the age payload ends with an empty chunk after data (not canonical)");
      }
      try {
        out.writeBytes(
            ChaCha20Poly1305.open(key, chunkNonce(counter, last), file, position, length));
      } catch (DecryptionException e) {
        throw new DecryptionException(
            "the age payload failed to authenticate (changed or truncated)", e);
      }
      position += length;
      counter++;
      if (last) {
        return out.toByteArray();
      }
    }
  }

  private static long chunkCount(int sealedLength) {
    int full = CHUNK_SIZE + ChaCha20Poly1305.TAG_SIZE;
    return Math.max(1, (sealedLength + full - 1) / full);
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
