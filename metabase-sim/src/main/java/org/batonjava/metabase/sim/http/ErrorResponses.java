package org.batonjava.metabase.sim.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Every error body the simulator sends, in the form Metabase uses for that case: a plain string for
 * permission checks, 404s and model-level refusals; a JSON object for field errors and schema
 * failures.
 */
public final class ErrorResponses {
  public static final String UNAUTHENTICATED = "Unauthenticated";
  public static final String FORBIDDEN = "You don't have permissions to do that.";
  public static final String NOT_FOUND = "Not found.";
  public static final String INVALID_REQUEST = "Invalid Request.";
  public static final String INTERNAL = "Internal server error.";
  public static final String NO_ENDPOINT = "API endpoint does not exist.";
  public static final String ALL_USERS_MEMBERSHIP =
      "You cannot add or remove users to/from the 'All Users' group.";
  public static final String LAST_ADMIN = "You cannot remove the last member of the 'Admin' group!";
  public static final String STALE_REVISION =
      "Looks like someone else edited the permissions and your data is out of "
          + "date. Please fetch new data and try again.";
  public static final String INTERNAL_USER = "Not able to modify the internal user";

  private ErrorResponses() {}

  /** 401 plain {@code Unauthenticated}. */
  public static ApiException unauthenticated() {
    return plain(401, UNAUTHENTICATED);
  }

  /** 403 plain {@code You don't have permissions to do that.} */
  public static ApiException forbidden() {
    return plain(403, FORBIDDEN);
  }

  /** 404 plain {@code Not found.} */
  public static ApiException notFound() {
    return plain(404, NOT_FOUND);
  }

  /** 400 plain {@code Invalid Request.} ({@code check-400}). */
  public static ApiException invalidRequest() {
    return plain(400, INVALID_REQUEST);
  }

  /** 500 plain {@code Internal server error.} ({@code check-500}). */
  public static ApiException internal() {
    return plain(500, INTERNAL);
  }

  /** An exception raised with only a status code: the body is the bare message. */
  public static ApiException plain(int status, String message) {
    return new ApiException(Response.plain(status, message));
  }

  /** A {@code checkp}-style field error: {@code {"errors": {field: message}}}. */
  public static ApiException fieldError(String field, String message) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.putObject("errors").put(field, message);
    return new ApiException(Response.json(400, body));
  }

  /**
   * A request-schema validation failure: {@code {"errors": {field: expected}, "specific-errors":
   * {field: ["<why>, received: <value>"]}}}.
   */
  public static ApiException schemaError(
      String field, String expected, String specific, String receivedJson) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.putObject("errors").put(field, expected);
    body.putObject("specific-errors").putArray(field).add(specific + ", received: " + receivedJson);
    return new ApiException(Response.json(400, body));
  }

  /** {@code {"message": ...}} with a status, e.g. the reactivate refusal. */
  public static ApiException message(int status, String message) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("message", message);
    return new ApiException(Response.json(status, body));
  }

  /** An unexpected exception (no status code): 500 with Metabase's stack-dump style object. */
  public static ApiException unexpected(String message, String type) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("message", message);
    body.put("type", type);
    body.putArray("via").addObject().put("type", type).put("message", message);
    body.putArray("trace");
    return new ApiException(Response.json(500, body));
  }

  /** 402 for a feature that needs a paid token. */
  public static ApiException paymentRequired(String message) {
    return plain(402, message);
  }

  /**
   * The 402 text for an advanced-permissions feature, e.g. {@code group manager} or {@code
   * blocked}.
   */
  public static String advancedPermissionsMessage(String feature) {
    return "The "
        + feature
        + " permissions functionality is only enabled if you have a premium token with the "
        + "advanced-permissions feature.";
  }
}
