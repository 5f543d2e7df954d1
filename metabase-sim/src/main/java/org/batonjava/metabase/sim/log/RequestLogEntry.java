package org.batonjava.metabase.sim.log;

/**
 * One served request.
 *
 * @param seq sequence number from 1
 * @param timestamp ISO-8601 start time
 * @param method HTTP method
 * @param path request path
 * @param query raw query string or null
 * @param endpoint the matched route template ({@code GET /api/user/:id}) or {@code unmatched}
 * @param status status sent (0 for a reset connection)
 * @param durationMs time until the answer was ready to send (sending the body is not included)
 * @param fault injected fault label or null
 */
public record RequestLogEntry(
    long seq,
    String timestamp,
    String method,
    String path,
    String query,
    String endpoint,
    int status,
    long durationMs,
    String fault) {}
