package org.batonjava.sdk.crypto;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * The spellings in which a secret can end up in printed text once something has touched it: as
 * given, with the surrounding whitespace trimmed (a message made into one line), with each control,
 * space or non-ASCII character escaped ({@code \n}, {@code \}{@code u000a}, {@code \x0a}, {@code
 * %0A}), replaced ({@code ?}, U+FFFD, a space) or dropped, and, for a value that holds such
 * characters, every long run of plain characters on its own (so that an escaping this class does
 * not know still leaves nothing readable). Redaction looks for all of them, longest first.
 */
public final class SecretForms {
  /**
   * Shorter spellings are not returned: replacing them would mangle ordinary words, and they reveal
   * nothing.
   */
  static final int SHORTEST_FORM = 3;

  /** Runs of plain characters at least this long are hidden on their own. */
  static final int SHORTEST_HIDDEN_RUN = 8;

  private SecretForms() {}

  /** Every distinct spelling of {@code secret} of at least three characters, longest first. */
  public static List<String> of(String secret) {
    Set<String> forms = new LinkedHashSet<>();
    if (secret.isEmpty()) {
      return List.of();
    }
    forms.add(secret);
    String core = secret.strip();
    if (!core.isEmpty()) {
      forms.add(core);
    }
    if (!allPlain(core)) {
      for (IntFunction<String> spelling : SPELLINGS) {
        forms.add(respell(secret, spelling));
        forms.add(respell(core, spelling));
      }
      for (String run : core.split("[^\\x21-\\x7e]+", -1)) {
        if (run.length() >= SHORTEST_HIDDEN_RUN) {
          forms.add(run);
        }
      }
    }
    forms.removeIf(form -> form.length() < SHORTEST_FORM);
    return forms.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
  }

  /**
   * Whether every character is printable ASCII other than space (what an HTTP header value can
   * safely carry).
   */
  public static boolean allPlain(String value) {
    return value.chars().allMatch(SecretForms::plain);
  }

  private static boolean plain(int c) {
    return c >= 0x21 && c <= 0x7e;
  }

  private static final List<IntFunction<String>> SPELLINGS =
      List.of(
          c ->
              switch (c) {
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                default -> String.format("\\u%04x", c);
              },
          c -> String.format("\\u%04x", c),
          c -> String.format("\\u%04X", c),
          c -> String.format("\\x%02x", c),
          c -> String.format("%%%02X", c),
          c -> "?",
          c -> "\uFFFD",
          c -> " ",
          c -> "");

  private static String respell(String value, IntFunction<String> spelling) {
    StringBuilder out = new StringBuilder(value.length() + 8);
    value
        .codePoints()
        .forEach(
            c -> {
              if (plain(c)) {
                out.appendCodePoint(c);
              } else {
                out.append(spelling.apply(c));
              }
            });
    return out.toString();
  }
}
