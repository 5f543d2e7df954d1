package org.batonjava.metabase.sim.state;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Stored data permissions: group → database → the explicit per-database permission object in the
 * running version's model (elision of least-permissive values happens when the graph is rendered),
 * plus the revision.
 */
public final class PermissionStore {
  private final TreeMap<Integer, TreeMap<Integer, ObjectNode>> entries = new TreeMap<>();
  private int revision;

  public int revision() {
    return revision;
  }

  /** Writes a new PermissionsRevision row. */
  public int nextRevision() {
    return ++revision;
  }

  public void revision(int value) {
    this.revision = value;
  }

  public ObjectNode get(int groupId, int dbId) {
    Map<Integer, ObjectNode> dbs = entries.get(groupId);
    return dbs == null ? null : dbs.get(dbId);
  }

  public void put(int groupId, int dbId, ObjectNode perms) {
    entries.computeIfAbsent(groupId, k -> new TreeMap<>()).put(dbId, perms);
  }

  /** group id → (db id → stored perms), ascending. */
  public SortedMap<Integer, ? extends SortedMap<Integer, ObjectNode>> all() {
    return entries;
  }

  void removeGroup(int groupId) {
    entries.remove(groupId);
  }
}
