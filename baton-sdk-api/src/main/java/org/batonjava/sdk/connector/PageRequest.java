package org.batonjava.sdk.connector;

/**
 * Which page a syncer should return.
 *
 * @param token the opaque token of the previous page's {@link PageResult#nextToken()}; empty for
 *     the first
 * @param size the engine's preferred page size; 0 lets the connector choose
 * @param syncId the sync being written, for connectors that key caches by sync
 */
public record PageRequest(String token, int size, String syncId) {
  public static PageRequest first(String syncId) {
    return new PageRequest("", 0, syncId);
  }

  public boolean isFirst() {
    return token.isEmpty();
  }
}
