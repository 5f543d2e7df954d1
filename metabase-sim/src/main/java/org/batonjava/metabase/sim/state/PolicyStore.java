package org.batonjava.metabase.sim.state;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Row-level security of paid builds: sandboxes (group table access policies: a group sees a table
 * filtered by user attributes) and connection impersonations (a group's queries on a database run
 * as the database role named by a user attribute). Part of the simulator state; callers hold the
 * state's lock.
 */
public final class PolicyStore {
  /** A sandbox: {@code attributeRemappings} maps user attribute names to their targets. */
  public record Sandbox(
      int id, int groupId, int tableId, Integer cardId, JsonNode attributeRemappings) {}

  /** An impersonation: {@code attribute} names the user attribute holding the database role. */
  public record Impersonation(int id, int groupId, int dbId, String attribute) {}

  private final List<Sandbox> sandboxes = new ArrayList<>();
  private final List<Impersonation> impersonations = new ArrayList<>();

  public Sandbox addSandbox(int groupId, int tableId, Integer cardId, JsonNode remappings) {
    Sandbox s = new Sandbox(sandboxes.size() + 1, groupId, tableId, cardId, remappings);
    sandboxes.add(s);
    return s;
  }

  public Impersonation addImpersonation(int groupId, int dbId, String attribute) {
    Impersonation i = new Impersonation(impersonations.size() + 1, groupId, dbId, attribute);
    impersonations.add(i);
    return i;
  }

  /** Every sandbox, by id. */
  public List<Sandbox> sandboxes() {
    return sandboxes;
  }

  /** Every impersonation, by id. */
  public List<Impersonation> impersonations() {
    return impersonations;
  }

  void removeGroup(int groupId) {
    sandboxes.removeIf(s -> s.groupId() == groupId);
    impersonations.removeIf(i -> i.groupId() == groupId);
  }
}
