package org.batonjava.sdk.connector;

import com.google.protobuf.Any;
import java.util.List;

/**
 * One page of items, the token of the next page ({@code ""} when there is none) and response
 * annotations (e.g. a {@code RateLimitDescription}).
 */
public record PageResult<T>(List<T> items, String nextToken, List<Any> annotations) {
  public PageResult {
    items = List.copyOf(items);
    annotations = List.copyOf(annotations);
  }

  public static <T> PageResult<T> of(List<T> items, String nextToken) {
    return new PageResult<>(items, nextToken, List.of());
  }

  public static <T> PageResult<T> last(List<T> items) {
    return new PageResult<>(items, "", List.of());
  }

  public static <T> PageResult<T> empty() {
    return new PageResult<>(List.of(), "", List.of());
  }
}
