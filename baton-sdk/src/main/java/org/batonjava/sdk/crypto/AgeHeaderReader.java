package org.batonjava.sdk.crypto;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Reads the text header of a binary age v1 file, strictly (the inverse of {@link AgeHeader}): the
 * version line, one or more {@code -> type arg…} stanzas whose bodies are canonical unpadded base64
 * in full 64-column lines ended by a shorter one, and the {@code --- MAC} line. Anything else is
 * refused with a message naming the defect.
 */
final class AgeHeaderReader {
  static final int MAX_HEADER_BYTES = 64 * 1024;
  private static final int COLUMNS = 64;
  private static final int MAC_BYTES = 32;
  private static final Base64.Decoder BASE64 = Base64.getDecoder();
  private static final Base64.Encoder RAW_BASE64 = Base64.getEncoder().withoutPadding();

  /**
   * A parsed header.
   *
   * @param stanzas the recipient stanzas in file order
   * @param macInput the header bytes the MAC covers (from the start through {@code ---})
   * @param mac the 32-byte MAC
   * @param payloadOffset where the payload (nonce, then STREAM chunks) starts
   */
  @SuppressWarnings(
      "ArrayRecordComponent") // raw bytes, compared by content where it matters; never a map key
  record Parsed(List<AgeStanza> stanzas, byte[] macInput, byte[] mac, int payloadOffset) {}

  private final byte[] file;
  private int position;

  private AgeHeaderReader(byte[] file) {
    this.file = file;
  }

  static Parsed read(byte[] file) {
    return new AgeHeaderReader(file).parse();
  }

  private Parsed parse() {
    if (!AgeHeader.VERSION_LINE.equals(line())) {
      throw new DecryptionException(
          "not an age v1 file (the first line is not " + AgeHeader.VERSION_LINE + ")");
    }
    List<AgeStanza> stanzas = new ArrayList<>();
    while (true) {
      int lineStart = position;
      String line = line();
      if (line.startsWith("--- ")) {
        if (stanzas.isEmpty()) {
          throw new DecryptionException("the age header has no recipient stanza");
        }
        byte[] mac = decode(line.substring(4), "header MAC");
        if (mac.length != MAC_BYTES) {
          throw new DecryptionException("the age header MAC is not 32 bytes");
        }
        return new Parsed(
            List.copyOf(stanzas), Arrays.copyOfRange(file, 0, lineStart + 3), mac, position);
      }
      if (!line.startsWith("-> ")) {
        throw new DecryptionException(
            "malformed age header: expected a stanza (-> …) or the MAC line (--- …)");
      }
      List<String> words = List.of(line.substring(3).split(" ", -1));
      try {
        stanzas.add(new AgeStanza(words.get(0), words.subList(1, words.size()), body()));
      } catch (IllegalArgumentException e) {
        throw new DecryptionException("malformed age header stanza: " + e.getMessage());
      }
    }
  }

  private byte[] body() {
    StringBuilder encoded = new StringBuilder();
    while (true) {
      String line = line();
      if (line.length() > COLUMNS) {
        throw new DecryptionException(
            "malformed age header: a stanza body line is longer than 64 columns");
      }
      encoded.append(line);
      if (line.length() < COLUMNS) {
        return decode(encoded.toString(), "stanza body");
      }
    }
  }

  /**
   * The next line without its newline; fails at the end of the file or past the header size limit.
   */
  private String line() {
    int end = position;
    while (end < file.length && file[end] != '\n') {
      if (end >= MAX_HEADER_BYTES) {
        throw new DecryptionException(
            "the age header is larger than " + MAX_HEADER_BYTES + " bytes");
      }
      end++;
    }
    if (end >= file.length) {
      throw new DecryptionException("the age file ends inside its header (truncated?)");
    }
    String line = new String(file, position, end - position, StandardCharsets.US_ASCII);
    position = end + 1;
    return line;
  }

  /** Decodes canonical unpadded base64 (no padding, no stray bits), as the age format requires. */
  private static byte[] decode(String text, String what) {
    byte[] out;
    try {
      out = BASE64.decode(text);
    } catch (IllegalArgumentException e) {
      throw new DecryptionException("malformed age header: the " + what + " is not base64");
    }
    if (text.indexOf('=') >= 0 || !RAW_BASE64.encodeToString(out).equals(text)) {
      throw new DecryptionException(
          "malformed age header: the " + what + " is not canonical unpadded base64");
    }
    return out;
  }
}
