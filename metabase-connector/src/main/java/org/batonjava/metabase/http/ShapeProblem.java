package org.batonjava.metabase.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * An answer that is valid JSON but not of the shape the connector relies on; the message says what
 * was wrong.
 */
public final class ShapeProblem extends JsonProcessingException {
  private static final long serialVersionUID = 1L;

  public ShapeProblem(String message) {
    super(message, (JsonLocation) null);
  }

  public ShapeProblem(String message, JsonLocation location) {
    super(message, location);
  }
}
