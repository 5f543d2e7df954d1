package org.batonjava.sdk.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;

/**
 * Writes the text header of an age v1 file:
 *
 * <pre>
 * age-encryption.org/v1
 * -> type arg…
 * body as unpadded base64, 64 columns a line, the last line always shorter than 64 (so possibly empty)
 * --- MAC
 * </pre>
 *
 * where MAC = unpadded base64 of HMAC-SHA256(key = HKDF(file key, salt = empty, info = "header"),
 * header bytes from the start through {@code ---}, without the space that follows).
 */
final class AgeHeader {
  static final String VERSION_LINE = "age-encryption.org/v1";
  private static final int COLUMNS = 64;
  private static final Base64.Encoder RAW_BASE64 = Base64.getEncoder().withoutPadding();

  private AgeHeader() {}

  /** The complete header, ending with the newline after the MAC. */
  static byte[] encode(List<AgeStanza> stanzas, byte[] fileKey) {
    StringBuilder header = new StringBuilder(VERSION_LINE).append('\n');
    for (AgeStanza stanza : stanzas) {
      header.append("-> ").append(stanza.type());
      for (String arg : stanza.args()) {
        header.append(' ').append(arg);
      }
      header.append('\n').append(wrappedBody(stanza.body()));
    }
    header.append("---");
    byte[] macKey =
        Hkdf.sha256(fileKey, new byte[0], "header".getBytes(StandardCharsets.US_ASCII), 32);
    byte[] mac;
    try {
      mac = Hkdf.hmac(macKey, header.toString().getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
    }
    header.append(' ').append(RAW_BASE64.encodeToString(mac)).append('\n');
    return header.toString().getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * The body lines, each ending in a newline; a final short (possibly empty) line ends the body.
   */
  static String wrappedBody(byte[] body) {
    String encoded = RAW_BASE64.encodeToString(body);
    StringBuilder out = new StringBuilder(encoded.length() + encoded.length() / COLUMNS + 1);
    int offset = 0;
    while (encoded.length() - offset >= COLUMNS) {
      out.append(encoded, offset, offset + COLUMNS).append('\n');
      offset += COLUMNS;
    }
    return out.append(encoded, offset, encoded.length()).append('\n').toString();
  }
}
