package org.batonjava.metabase.collections;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The collections a sync reports, from one {@code GET /api/collection}: the root ("Our analytics")
 * and every collection that is not archived, not personal, not inside a personal collection, not
 * the Trash and in the normal (or the Usage-analytics) namespace; each with its parent and its path
 * from the root.
 */
public final class CollectionTree {
  /** The root collection's key in the graph and its resource id. */
  public static final String ROOT = "root";

  /** The root collection's name in Metabase's UI. */
  public static final String ROOT_NAME = "Our analytics";

  private static final String TRASH = "trash";

  /**
   * One reported collection.
   *
   * @param key {@code root} or the collection id
   * @param parentKey the parent's key ({@code root} for a top-level collection), null for the root
   *     itself
   * @param path the names from the root down, e.g. {@code Our analytics / Finance / Board}
   * @param viewOnly the Usage-analytics collection, which can only be viewed
   */
  public record Node(String key, String name, String parentKey, String path, boolean viewOnly) {
    public boolean isRoot() {
      return ROOT.equals(key);
    }
  }

  private final List<Node> nodes;
  private final Map<String, Node> byKey;

  private CollectionTree(List<Node> nodes) {
    this.nodes = List.copyOf(nodes);
    Map<String, Node> map = new HashMap<>();
    nodes.forEach(n -> map.put(n.key(), n));
    this.byKey = map;
  }

  /** Reads the listing once. */
  public static CollectionTree read(CollectionsApi api) {
    List<CollectionItem> items = new ArrayList<>();
    api.list(items::add);
    return of(items);
  }

  /**
   * Builds the tree from listed items (the root pseudo entry, if present, is ignored: root is
   * always reported).
   */
  static CollectionTree of(List<CollectionItem> items) {
    Set<String> personal = new HashSet<>();
    Map<String, String> names = new HashMap<>();
    for (CollectionItem item : items) {
      names.put(item.key(), item.nameOrEmpty());
      if (item.personalOwnerId() != null) {
        personal.add(item.key());
      }
    }
    List<Node> nodes = new ArrayList<>();
    nodes.add(new Node(ROOT, ROOT_NAME, null, ROOT_NAME, false));
    List<Node> rest = new ArrayList<>();
    for (CollectionItem item : items) {
      String[] ancestors = item.ancestors();
      boolean insidePersonal = ancestors.length > 0 && personal.contains(ancestors[0]);
      if (ROOT.equals(item.key())
          || !numeric(item.key())
          || item.isArchived()
          || item.personalOwnerId() != null
          || Boolean.TRUE.equals(item.isPersonal())
          || insidePersonal
          || TRASH.equals(item.type())
          || !defaultNamespace(item)) {
        continue;
      }
      StringBuilder path = new StringBuilder(ROOT_NAME);
      for (String a : ancestors) {
        path.append(" / ").append(names.getOrDefault(a, a));
      }
      path.append(" / ").append(item.nameOrEmpty());
      String parent = ancestors.length == 0 ? ROOT : ancestors[ancestors.length - 1];
      rest.add(new Node(item.key(), item.nameOrEmpty(), parent, path.toString(), item.analytics()));
    }
    rest.sort(Comparator.comparingLong(n -> Long.parseLong(n.key())));
    nodes.addAll(rest);
    return new CollectionTree(nodes);
  }

  static boolean numeric(String key) {
    return key.chars().allMatch(Character::isDigit) && !key.isEmpty();
  }

  private static boolean defaultNamespace(CollectionItem item) {
    return item.namespace() == null
        || item.namespace().isEmpty()
        || "analytics".equals(item.namespace());
  }

  /** Root first, then by id. */
  public List<Node> nodes() {
    return nodes;
  }

  public Optional<Node> node(String key) {
    return Optional.ofNullable(byKey.get(key));
  }
}
