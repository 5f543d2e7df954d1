package org.batonjava.metabase.http;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.batonjava.sdk.crypto.SecretForms;

/**
 * The spellings in which a secret sent to Metabase can come back inside an error: as sent, escaped
 * once as a JSON string (a server that quotes the request body in a JSON {@code message}, or an
 * error text we show raw), escaped twice (a JSON body that is itself quoted inside JSON), with
 * every symbol written as a backslash-u escape (as some encoders do), and form/URL-encoded (a proxy
 * quoting a query string). A password such as {@code a"b\c} is not found by a plain search once any
 * of these has been applied, so redaction looks for all, also for each form of {@link SecretForms}
 * (trimmed, control characters escaped or replaced).
 */
final class EchoForms {
  private EchoForms() {}

  /**
   * Every distinct spelling of {@code secret}, longest first so a longer form is replaced before
   * its parts.
   */
  static List<String> of(String secret) {
    Set<String> forms = new LinkedHashSet<>();
    for (String base : SecretForms.of(secret)) {
      forms.add(base);
      String once = json(base);
      forms.add(once);
      forms.add(json(once));
      forms.add(unicodeEscaped(base));
      forms.add(once.replace("/", "\\/"));
      forms.add(URLEncoder.encode(base, StandardCharsets.UTF_8));
      forms.add(URLEncoder.encode(base, StandardCharsets.UTF_8).replace("+", "%20"));
    }
    forms.removeIf(form -> form.length() < 3);
    return forms.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
  }

  private static String json(String s) {
    return new String(JsonStringEncoder.getInstance().quoteAsString(s));
  }

  /** Every character outside ASCII letters and digits written as a backslash-u escape. */
  private static String unicodeEscaped(String s) {
    StringBuilder out = new StringBuilder(s.length() * 2);
    s.chars()
        .forEach(
            c -> {
              if (Character.isLetterOrDigit(c) && c < 0x80) {
                out.append((char) c);
              } else {
                out.append(String.format("\\u%04x", c));
              }
            });
    return out.toString();
  }
}
