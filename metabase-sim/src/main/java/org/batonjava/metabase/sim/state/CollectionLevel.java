package org.batonjava.metabase.sim.state;

import java.util.Locale;

/** A group's access to a collection, with the names the collection graph uses. */
public enum CollectionLevel {
  /** {@code "none"}: no access (absent in the sparse graph). */
  NONE,
  /** {@code "read"}: View in the UI. */
  READ,
  /** {@code "write"}: Curate in the UI (includes View). */
  WRITE;

  /** The graph value: {@code none}, {@code read} or {@code write}. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a graph value.
   *
   * @return null when the text is not a level
   */
  public static CollectionLevel parse(String text) {
    if (text == null) {
      return null;
    }
    for (CollectionLevel l : values()) {
      if (l.apiName().equals(text)) {
        return l;
      }
    }
    return null;
  }

  /** The more permissive of the two. */
  public CollectionLevel max(CollectionLevel other) {
    return other != null && other.rank() > rank() ? other : this;
  }

  private int rank() {
    return switch (this) {
      case WRITE -> 2;
      case READ -> 1;
      case NONE -> 0;
    };
  }
}
