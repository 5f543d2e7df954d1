package org.batonjava.sdk.connector;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.StringJoiner;

/**
 * Says what is wrong with a piece of JSON in the reader's terms ("input ends at column 17", "a list
 * was expected at data"), never with the parser's internals: Jackson's own messages name Java types
 * and methods, which mean nothing to an operator.
 */
public final class JsonErrorText {
  private JsonErrorText() {}

  /** What is wrong, and where, for any Jackson failure. */
  public static String describe(JsonProcessingException e) {
    if (e instanceof StreamConstraintsException) {
      return "it is nested too deeply or holds a value that is too long";
    }
    if (e instanceof JsonEOFException) {
      return "input ends" + at(e.getLocation()) + " before the JSON is complete";
    }
    String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    if (original.startsWith("Trailing token")) {
      return "more text follows the JSON value" + at(e.getLocation());
    }
    if (e instanceof MismatchedInputException m) {
      String path = path(m);
      return "a value has the wrong type"
          + (path.isEmpty() ? "" : " at " + path)
          + at(m.getLocation());
    }
    if (e instanceof JsonMappingException m) {
      String path = path(m);
      return "a value cannot be read" + (path.isEmpty() ? "" : " at " + path) + at(m.getLocation());
    }
    return "unexpected text" + at(e.getLocation());
  }

  /**
   * {@code " at column 17"} (or {@code " at line 2, column 3"}), or nothing when the position is
   * unknown.
   */
  private static String at(JsonLocation location) {
    if (location == null || location.getColumnNr() < 1) {
      return "";
    }
    return location.getLineNr() > 1
        ? " at line " + location.getLineNr() + ", column " + location.getColumnNr()
        : " at column " + location.getColumnNr();
  }

  /** The field path of a mapping failure, e.g. {@code data[3].id}. */
  private static String path(JsonMappingException e) {
    StringJoiner out = new StringJoiner("");
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        out.add((out.length() == 0 ? "" : ".") + ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        out.add("[" + ref.getIndex() + "]");
      }
    }
    return out.toString();
  }
}
