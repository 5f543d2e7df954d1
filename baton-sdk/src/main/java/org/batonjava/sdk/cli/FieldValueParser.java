package org.batonjava.sdk.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.batonjava.sdk.config.ConfigField;
import org.batonjava.sdk.crypto.Secret;

/**
 * Turns a raw value (text from the environment, the file or a default; a Boolean or a list from a
 * flag) into the typed value of a {@link ConfigField}, with one-line messages that never show a
 * secret.
 */
final class FieldValueParser {
  private FieldValueParser() {}

  /**
   * Parses {@code raw} for {@code field}. Strings become {@code String} (or {@link Secret}),
   * booleans {@code Boolean}, ints {@code Long}, lists {@code List<String>}.
   */
  static Object parse(ConfigField field, Object raw, ValueOrigin origin) {
    return switch (field.kind()) {
      case STRING -> parseString(field, text(raw), origin);
      case BOOL -> raw instanceof Boolean b ? b : parseBool(field, text(raw), origin);
      case INT -> parseInt(field, text(raw), origin);
      case STRING_LIST -> parseList(raw);
    };
  }

  /** The value a field has when nothing sets it and it has no default. */
  static Object zero(ConfigField field) {
    return switch (field.kind()) {
      case STRING -> field.secret() ? Secret.of("") : "";
      case BOOL -> false;
      case INT -> 0L;
      case STRING_LIST -> List.of();
    };
  }

  private static Object parseString(ConfigField field, String value, ValueOrigin origin) {
    if (field.secret()) {
      return SecretValueCheck.check(field, value, origin);
    }
    if (field.allowedValues().isEmpty() || value.isEmpty()) {
      return value;
    }
    for (String allowed : field.allowedValues()) {
      if (allowed.equalsIgnoreCase(value)) {
        return allowed;
      }
    }
    throw invalid(
        field, "must be one of " + String.join(", ", field.allowedValues()), value, origin);
  }

  private static Boolean parseBool(ConfigField field, String value, ValueOrigin origin) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true", "t", "1" -> Boolean.TRUE;
      case "false", "f", "0" -> Boolean.FALSE;
      default -> throw invalid(field, "must be true or false", value, origin);
    };
  }

  private static Long parseInt(ConfigField field, String value, ValueOrigin origin) {
    long number;
    try {
      number = Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw invalid(field, "must be a whole number", value, origin);
    }
    boolean tooSmall = field.min().isPresent() && number < field.min().getAsLong();
    boolean tooLarge = field.max().isPresent() && number > field.max().getAsLong();
    if (tooSmall || tooLarge) {
      String rule =
          field.min().isPresent() && field.max().isPresent()
              ? "must be between " + field.min().getAsLong() + " and " + field.max().getAsLong()
              : field.min().isPresent()
                  ? "must be at least " + field.min().getAsLong()
                  : "must be at most " + field.max().getAsLong();
      throw invalid(field, rule, value, origin);
    }
    return number;
  }

  private static List<String> parseList(Object raw) {
    List<String> items = new ArrayList<>();
    if (raw instanceof List<?> list) {
      for (Object item : list) {
        splitInto(String.valueOf(item), items);
      }
    } else {
      splitInto(text(raw), items);
    }
    return List.copyOf(items);
  }

  private static void splitInto(String text, List<String> items) {
    for (String part : text.split(",", -1)) {
      String item = part.trim();
      if (!item.isEmpty()) {
        items.add(item);
      }
    }
  }

  private static String text(Object raw) {
    if (raw instanceof List<?> list) {
      List<String> parts = new ArrayList<>();
      list.forEach(item -> parts.add(String.valueOf(item)));
      return String.join(",", parts);
    }
    return String.valueOf(raw);
  }

  private static ConfigException invalid(
      ConfigField field, String rule, String value, ValueOrigin origin) {
    String got = field.secret() ? "" : ", got \"" + value + "\"";
    return new ConfigException(field.flag() + " " + rule + got + " (from " + origin.label() + ")");
  }
}
