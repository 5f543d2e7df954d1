package org.batonjava.sdk.provision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Struct;
import com.google.protobuf.util.JsonFormat;
import org.batonjava.sdk.connector.JsonErrorText;

/**
 * Reads a JSON object given on the command line ({@code --create-account-profile}, {@code
 * --invoke-action-args}) into a {@link Struct}. A problem is one line in the user's terms that
 * names the flag, e.g. {@code --create-account-profile is not valid JSON: input ends at column 17
 * before the JSON is complete}.
 */
public final class JsonObjectArgument {
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  private JsonObjectArgument() {}

  /** A problem with the argument; the message is the whole line to show. */
  public static final class Problem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Problem(String message) {
      super(message);
    }
  }

  /**
   * Parses a flag's JSON object, or fails with one line in the user's terms.
   *
   * @param flag the flag the text came from, for the message
   * @param text the JSON text
   * @param example a valid value to show, e.g. {@code {"userId": "42"}}
   */
  public static Struct parse(String flag, String text, String example) {
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new Problem(
          flag
              + " is not valid JSON: "
              + JsonErrorText.describe(e)
              + "; it must be a JSON object, e.g. '"
              + example
              + "'");
    }
    if (node == null || !node.isObject()) {
      throw new Problem(flag + " must be a JSON object, e.g. '" + example + "'; got " + kind(node));
    }
    Struct.Builder out = Struct.newBuilder();
    try {
      JsonFormat.parser().merge(node.toString(), out);
    } catch (InvalidProtocolBufferException e) {
      throw new Problem(
          flag
              + " holds a value that cannot be used (numbers must fit a double); it must be a JSON"
              + " object, e.g. '"
              + example
              + "'");
    }
    return out.build();
  }

  private static String kind(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    return switch (node.getNodeType()) {
      case ARRAY -> "a list";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "true or false";
      case NULL -> "null";
      default -> "something else";
    };
  }
}
