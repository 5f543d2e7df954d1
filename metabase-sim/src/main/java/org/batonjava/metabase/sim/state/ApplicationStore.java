package org.batonjava.metabase.sim.state;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The application permissions of a paid build: which groups hold {@code setting}, {@code
 * monitoring} and {@code subscription}, and the application graph's own revision (independent of
 * the data and collection graphs). Administrators hold all three implicitly and are never stored. A
 * fresh state gives All Users {@code subscription}, as Metabase does. Part of the simulator state;
 * callers hold the state's lock.
 */
public final class ApplicationStore {
  /** The closed set of application permission types, in the order Metabase lists them. */
  public static final List<String> TYPES = List.of("setting", "monitoring", "subscription");

  private final TreeMap<Integer, TreeSet<String>> granted = new TreeMap<>();
  private int revision;

  ApplicationStore() {
    granted.computeIfAbsent(SimGroup.ALL_USERS, g -> new TreeSet<>()).add("subscription");
  }

  public static boolean known(String type) {
    return TYPES.contains(type);
  }

  /** Whether the group holds the permission (Administrators always do). */
  public boolean has(int groupId, String type) {
    return groupId == SimGroup.ADMINISTRATORS
        || granted.getOrDefault(groupId, new TreeSet<>()).contains(type);
  }

  /** Grants or revokes one permission; Administrators are never changed. */
  public void set(int groupId, String type, boolean yes) {
    if (!known(type)) {
      throw new IllegalArgumentException("unknown application permission '" + type + "'");
    }
    if (groupId == SimGroup.ADMINISTRATORS) {
      return;
    }
    if (yes) {
      granted.computeIfAbsent(groupId, g -> new TreeSet<>()).add(type);
    } else {
      Set<String> mine = granted.get(groupId);
      if (mine != null) {
        mine.remove(type);
        if (mine.isEmpty()) {
          granted.remove(groupId);
        }
      }
    }
  }

  /**
   * Group id → its permissions, for every group holding at least one (Administrators not included).
   */
  public Map<Integer, ? extends SortedSet<String>> stored() {
    return granted;
  }

  public int revision() {
    return revision;
  }

  public void revision(int value) {
    revision = value;
  }

  public void nextRevision() {
    revision++;
  }

  void removeGroup(int groupId) {
    granted.remove(groupId);
  }
}
