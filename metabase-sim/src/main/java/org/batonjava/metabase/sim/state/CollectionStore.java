package org.batonjava.metabase.sim.state;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collections and the collection permission graph: one level per (group, collection) pair that is
 * not {@code none}, the root collection under the key {@code "root"}, and the graph's revision
 * (independent of the data permission graph's). Part of the simulator state; callers hold the
 * state's lock.
 */
public final class CollectionStore {
  /** The graph key of the root collection ("Our analytics"). */
  public static final String ROOT = "root";

  private final TreeMap<Integer, SimCollection> collections = new TreeMap<>();
  private final Map<Integer, TreeMap<String, CollectionLevel>> levels = new HashMap<>();
  private int revision;
  private int nextId = 1;

  public void add(SimCollection c) {
    if (collections.putIfAbsent(c.id(), c) != null) {
      throw new IllegalStateException("duplicate collection id " + c.id());
    }
    nextId = Math.max(nextId, c.id() + 1);
  }

  public int nextId() {
    return nextId;
  }

  public SimCollection get(int id) {
    return collections.get(id);
  }

  /** Every collection in id order. */
  public Collection<SimCollection> all() {
    return collections.values();
  }

  /**
   * Whether the collection is personal or inside one (such collections never have group
   * permissions).
   */
  public boolean personal(SimCollection c) {
    if (c.personalOwnerId() != null) {
      return true;
    }
    Integer top = c.topAncestorId();
    SimCollection ancestor = top == null ? null : collections.get(top);
    return ancestor != null && ancestor.personalOwnerId() != null;
  }

  /** A group's level on a collection key ({@link #ROOT} or a numeric id); never null. */
  public CollectionLevel level(int groupId, String key) {
    TreeMap<String, CollectionLevel> mine = levels.get(groupId);
    CollectionLevel l = mine == null ? null : mine.get(key);
    return l == null ? CollectionLevel.NONE : l;
  }

  /** Sets (or with {@code NONE} removes) one entry. */
  public void set(int groupId, String key, CollectionLevel level) {
    if (level == CollectionLevel.NONE) {
      TreeMap<String, CollectionLevel> mine = levels.get(groupId);
      if (mine != null) {
        mine.remove(key);
      }
      return;
    }
    levels.computeIfAbsent(groupId, g -> new TreeMap<>()).put(key, level);
  }

  /** The non-none entries of a group, by key. */
  public Map<String, CollectionLevel> levelsOf(int groupId) {
    return levels.getOrDefault(groupId, new TreeMap<>());
  }

  public void removeGroup(int groupId) {
    levels.remove(groupId);
  }

  public int revision() {
    return revision;
  }

  public void revision(int value) {
    revision = value;
  }

  public int nextRevision() {
    return ++revision;
  }
}
