package org.batonjava.metabase.sim.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.batonjava.metabase.sim.http.ErrorResponses;
import org.batonjava.metabase.sim.http.Request;

/**
 * Metabase's offset-paging middleware: paging applies only when {@code limit}, {@code offset} or
 * {@code page} is present; then limit defaults to 50 and offset to 0, with no maximum.
 *
 * @param limit null when not paging
 * @param offset null when not paging
 */
public record Paging(Integer limit, Integer offset) {
  /** Metabase's default page size once any paging parameter is present. */
  public static final int DEFAULT_LIMIT = 50;

  public static Paging from(Request request) {
    if (!request.hasQuery("limit") && !request.hasQuery("offset") && !request.hasQuery("page")) {
      return new Paging(null, null);
    }
    int limit = parse(request.query("limit").orElse(null), DEFAULT_LIMIT);
    int offset = parse(request.query("offset").orElse(null), 0);
    return new Paging(limit, offset);
  }

  private static int parse(String raw, int defaultValue) {
    if (raw == null) {
      return defaultValue;
    }
    try {
      int v = Integer.parseUnsignedInt(raw);
      if (v >= 0) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ErrorResponses.message(
        400, "Error parsing paging parameters: For input string: \"" + raw + "\"");
  }

  public boolean paged() {
    return limit != null;
  }

  public int offsetOrZero() {
    return offset == null ? 0 : offset;
  }

  /** Writes the {@code limit}/{@code offset} echoes (null when not paging). */
  public void echo(ObjectNode body) {
    if (limit == null) {
      body.putNull("limit");
      body.putNull("offset");
    } else {
      body.put("limit", limit);
      body.put("offset", offset);
    }
  }
}
