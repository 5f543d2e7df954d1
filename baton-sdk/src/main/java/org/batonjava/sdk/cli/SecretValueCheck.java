package org.batonjava.sdk.cli;

import org.batonjava.sdk.config.ConfigField;
import org.batonjava.sdk.crypto.Secret;
import org.batonjava.sdk.crypto.SecretForms;

/**
 * The rule for secret settings (API key, client secret): leading and trailing whitespace (a
 * Kubernetes secret made from a file usually ends in a newline) is removed, and the run logs a
 * warning that names the setting but not the value; a value that still holds a control character, a
 * space or a non-ASCII character is refused with one line that names the setting and its source,
 * never the value. Such a value cannot be sent in an HTTP header and no real key or secret contains
 * one, so refusing it early keeps it out of every later error path.
 */
final class SecretValueCheck {
  private SecretValueCheck() {}

  /**
   * The value a secret field gets: without surrounding whitespace; refused if anything else is
   * unusable.
   */
  static Secret check(ConfigField field, String value, ValueOrigin origin) {
    String core = value.strip();
    if (!SecretForms.allPlain(core)) {
      throw new ConfigException(
          field.flag()
              + " (from "
              + origin.label()
              + ") contains a space, a control character"
              + " or a non-ASCII character inside the value; a secret must be printable ASCII. Copy the value again"
              + " (the value is not shown)");
    }
    return Secret.of(core);
  }

  /** The warning for a trimmed value: names the setting and its source, never the value. */
  static String trimmedWarning(ConfigField field, ValueOrigin origin) {
    return field.flag()
        + " (from "
        + origin.label()
        + ") had leading or trailing whitespace, such as a final"
        + " newline; it was removed and the rest of the value is used";
  }
}
