package org.batonjava.sdk.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.batonjava.sdk.config.ConfigField;
import org.batonjava.sdk.crypto.Secret;
import org.batonjava.sdk.crypto.SecretForms;

/**
 * Removes secret values from text before it is printed: those typed after a secret flag, those in
 * the secret fields' environment variables, and those resolved from any source. A second line of
 * defence behind messages that are written never to contain secrets in the first place.
 */
final class SecretRedactor {
  private static final int SHORTEST_REDACTED = 3;
  private static final String MASK = "<secret>";

  private final List<String> values = new ArrayList<>();

  static SecretRedactor of(List<ConfigField> fields, String[] args, Map<String, String> env) {
    SecretRedactor redactor = new SecretRedactor();
    for (ConfigField field : fields) {
      if (!field.secret()) {
        continue;
      }
      redactor.add(env.get(field.envVar()));
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        for (String flag : flagNames(field)) {
          if (arg.equals(flag) && i + 1 < args.length) {
            redactor.add(args[i + 1]);
          } else if (arg.startsWith(flag + "=")) {
            redactor.add(arg.substring(flag.length() + 1));
          }
        }
      }
    }
    return redactor;
  }

  void addAll(List<Secret> secrets) {
    secrets.forEach(secret -> add(secret.reveal()));
  }

  String redact(String text) {
    String out = text;
    for (String value : values) {
      out = out.replace(value, MASK);
    }
    return out;
  }

  /**
   * Adds the value in every spelling it can be printed in (trimmed, escaped, replaced; see {@link
   * SecretForms}).
   */
  private void add(String value) {
    if (value == null) {
      return;
    }
    boolean added = false;
    for (String form : SecretForms.of(value)) {
      if (form.length() >= SHORTEST_REDACTED && !values.contains(form)) {
        values.add(form);
        added = true;
      }
    }
    if (added) {
      values.sort(Comparator.comparingInt(String::length).reversed());
    }
  }

  private static List<String> flagNames(ConfigField field) {
    return field.shortName().isEmpty()
        ? List.of(field.flag())
        : List.of(field.flag(), "-" + field.shortName());
  }
}
