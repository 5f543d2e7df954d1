package org.batonjava.sdk.c1z;

import java.util.List;

/** One page of rows; {@code nextPageToken} is empty on the last page. */
public record Page<T>(List<T> items, String nextPageToken) {
  public boolean last() {
    return nextPageToken.isEmpty();
  }
}
