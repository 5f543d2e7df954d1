package org.batonjava.metabase.sim.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;
import org.batonjava.metabase.sim.http.ErrorResponses;

/** Request-body field validation with Metabase's schema-error bodies. */
public final class BodyFields {
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  private BodyFields() {}

  public static boolean present(JsonNode body, String field) {
    return body.has(field);
  }

  /** Absent or null → null; otherwise a non-blank string. */
  public static String nullableNonBlank(JsonNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual() || v.asText().isBlank()) {
      throw ErrorResponses.schemaError(
          field,
          "nullable value must be a non-blank string.",
          "should be at least 1 characters",
          v.toString());
    }
    return v.asText();
  }

  /** A required non-blank string. */
  public static String nonBlank(JsonNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull() || !v.isTextual() || v.asText().isBlank()) {
      throw ErrorResponses.schemaError(
          field,
          "value must be a non-blank string.",
          "should be at least 1 characters",
          v == null ? "nil" : v.toString());
    }
    return v.asText();
  }

  /** A required e-mail address. */
  public static String email(JsonNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || !v.isTextual() || !EMAIL.matcher(v.asText()).matches()) {
      throw ErrorResponses.schemaError(
          field,
          "value must be a valid email address.",
          "should be a valid email address",
          v == null ? "nil" : v.toString());
    }
    return v.asText();
  }

  /** A required positive integer. */
  public static int positiveInt(JsonNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || !v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() <= 0) {
      throw ErrorResponses.schemaError(
          field,
          "value must be an integer greater than zero.",
          "should be a positive int",
          v == null ? "nil" : v.toString());
    }
    return v.asInt();
  }

  /** Absent or null → the default; otherwise a boolean. */
  public static boolean optionalBoolean(JsonNode body, String field, boolean defaultValue) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return defaultValue;
    }
    if (!v.isBoolean()) {
      throw ErrorResponses.schemaError(
          field, "nullable boolean", "should be a boolean", v.toString());
    }
    return v.asBoolean();
  }

  /** A required boolean. */
  public static boolean requiredBoolean(JsonNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || !v.isBoolean()) {
      throw ErrorResponses.schemaError(
          field, "boolean", "should be a boolean", v == null ? "nil" : v.toString());
    }
    return v.asBoolean();
  }

  /** Absent or null → null; otherwise an object with string values (login attributes). */
  public static JsonNode nullableAttributes(JsonNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isObject()) {
      throw ErrorResponses.schemaError(
          field, "value must be a valid user attributes map.", "invalid type", v.toString());
    }
    return v;
  }
}
