package org.batonjava.metabase.http;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The shape checks for Metabase's answers: a list the connector relies on must be a list (a
 * missing, null or wrong-typed one would otherwise read as "no users" or "no groups", and a sync
 * would report everyone as removed), and every listed object must carry a whole-number {@code id}.
 * A failed check names what was wrong.
 */
public final class ResponseShape {
  private ResponseShape() {}

  /**
   * The list under {@code field} of an object answer, or the answer itself when it is a bare list.
   */
  public static JsonNode listIn(JsonNode answer, String field, String what) throws ShapeProblem {
    if (answer.isArray()) {
      return answer;
    }
    if (!answer.isObject()) {
      throw new ShapeProblem("the answer is " + kind(answer) + " where " + what + " is required");
    }
    return list(answer, field, what);
  }

  /** The list under {@code field}, which must be there and be a list. */
  public static JsonNode list(JsonNode object, String field, String what) throws ShapeProblem {
    JsonNode list = object.get(field);
    if (list == null || !list.isArray()) {
      throw new ShapeProblem(
          "`" + field + "` is " + kind(list) + " where " + what + " is required");
    }
    return list;
  }

  /** The whole number (or numeric string) under {@code field}, which must be there. */
  public static long number(JsonNode object, String field, String what) throws ShapeProblem {
    JsonNode value = object.get(field);
    if (value != null && value.isIntegralNumber() && value.canConvertToLong()) {
      return value.asLong();
    }
    if (value != null && value.isTextual() && MetabaseJson.parseId(value.asText()).isPresent()) {
      return MetabaseJson.parseId(value.asText()).getAsLong();
    }
    throw new ShapeProblem("`" + field + "` is " + kind(value) + " where " + what + " is required");
  }

  /**
   * An object with a whole-number {@code id} (a number or a numeric string), as item {@code index}
   * of a list.
   */
  public static void item(JsonNode item, int index, String what) throws ShapeProblem {
    if (item == null || !item.isObject()) {
      throw new ShapeProblem(
          "item " + index + " of " + what + " is " + kind(item) + ", not an object");
    }
    object(item, what + " (item " + index + ")");
  }

  /** An object with a whole-number {@code id}. */
  public static void object(JsonNode node, String what) throws ShapeProblem {
    if (node == null || !node.isObject()) {
      throw new ShapeProblem("the answer is " + kind(node) + " where " + what + " is required");
    }
    JsonNode id = node.get("id");
    boolean numeric =
        id != null
            && ((id.isIntegralNumber() && id.canConvertToLong())
                || (id.isTextual() && MetabaseJson.parseId(id.asText()).isPresent()));
    if (!numeric) {
      throw new ShapeProblem(
          "`id` of " + what + " is " + kind(id) + " where a whole number is required");
    }
  }

  /** How a streamed value is named in a message. */
  public static String kind(JsonToken token) {
    if (token == null) {
      return "missing";
    }
    return switch (token) {
      case START_ARRAY -> "a list";
      case START_OBJECT -> "an object";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "true or false";
      case VALUE_NULL -> "null";
      default -> "something else";
    };
  }

  /** How a value is named in a message. */
  public static String kind(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "missing";
    }
    return switch (node.getNodeType()) {
      case ARRAY -> "a list";
      case OBJECT -> "an object";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "true or false";
      case NULL -> "null";
      default -> "something else";
    };
  }
}
