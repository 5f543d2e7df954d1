package org.batonjava.metabase.http;

/**
 * One request as shown in messages: method and API path, never the host's credentials or the key.
 *
 * @param method {@code GET}, {@code POST}, ...
 * @param path the API path with its query, e.g. {@code /api/user?limit=100&status=all}
 */
public record ApiCall(String method, String path) {
  @Override
  public String toString() {
    return method + " " + path;
  }
}
