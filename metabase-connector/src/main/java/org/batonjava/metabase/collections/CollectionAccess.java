package org.batonjava.metabase.collections;

import java.util.Optional;

/**
 * The two collection entitlements and the graph values they stand for. Curate includes View: a
 * group that curates a collection holds both entitlements, so "who can see it" is answered by
 * {@code view} alone.
 */
public enum CollectionAccess {
  /** View ({@code "read"}): see the collection's items. */
  VIEW("view", "read", "View"),
  /** Curate ({@code "write"}): also edit, move, archive and save into it. */
  CURATE("curate", "write", "Curate");

  /** The graph value for no access. */
  public static final String NONE = "none";

  private final String slug;
  private final String level;
  private final String label;

  CollectionAccess(String slug, String level, String label) {
    this.slug = slug;
    this.level = level;
    this.label = label;
  }

  public String slug() {
    return slug;
  }

  /** The collection-graph value. */
  public String level() {
    return level;
  }

  public String label() {
    return label;
  }

  public static Optional<CollectionAccess> ofSlug(String slug) {
    for (CollectionAccess a : values()) {
      if (a.slug.equals(slug)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  /** What a graph value grants: {@code write} both, {@code read} View, anything else nothing. */
  public static boolean grants(String level, CollectionAccess access) {
    return "write".equals(level) || (access == VIEW && "read".equals(level));
  }
}
