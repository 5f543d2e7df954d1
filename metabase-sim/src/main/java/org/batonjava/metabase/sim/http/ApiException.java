package org.batonjava.metabase.sim.http;

/** Thrown by handlers to answer with an error response (built by {@link ErrorResponses}). */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Response response;

  public ApiException(Response response) {
    super("HTTP " + response.status(), null, false, false);
    this.response = response;
  }

  public Response response() {
    return response;
  }
}
