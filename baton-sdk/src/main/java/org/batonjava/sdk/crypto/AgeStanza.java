package org.batonjava.sdk.crypto;

import java.util.List;

/**
 * One recipient stanza of an age v1 header: {@code -> type arg…} followed by the body (the wrapped
 * file key).
 *
 * @param type the stanza type, e.g. {@code X25519}, {@code ssh-ed25519}, {@code ssh-rsa}
 * @param args the arguments, each a non-empty run of printable ASCII without spaces
 * @param body the raw body bytes (written as unpadded base64 wrapped at 64 columns)
 */
@SuppressWarnings(
    "ArrayRecordComponent") // raw bytes, compared by content where it matters; never a map key
public record AgeStanza(String type, List<String> args, byte[] body) {
  public AgeStanza {
    requireArgument(type);
    args = List.copyOf(args);
    args.forEach(AgeStanza::requireArgument);
    body = body.clone();
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  private static void requireArgument(String s) {
    if (s.isEmpty() || !s.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
      throw new IllegalArgumentException(
          "age stanza type and arguments are non-empty printable ASCII without spaces");
    }
  }
}
