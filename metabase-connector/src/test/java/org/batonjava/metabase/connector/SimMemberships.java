package org.batonjava.metabase.connector;

import java.util.Optional;
import org.batonjava.metabase.sim.MetabaseSimulator;
import org.batonjava.metabase.sim.state.SimMembership;
import org.batonjava.metabase.sim.state.SimUser;

/**
 * White-box reads of a simulator's users and memberships (under its lock), to check what
 * provisioning changed.
 */
final class SimMemberships {
  private final MetabaseSimulator sim;

  SimMemberships(MetabaseSimulator sim) {
    this.sim = sim;
  }

  Optional<SimMembership> of(int userId, int groupId) {
    return Optional.ofNullable(sim.state().read(() -> sim.state().membershipOf(userId, groupId)));
  }

  boolean member(int userId, int groupId) {
    return of(userId, groupId).isPresent();
  }

  boolean manager(int userId, int groupId) {
    return of(userId, groupId).map(SimMembership::manager).orElse(false);
  }

  Optional<SimUser> user(int id) {
    return Optional.ofNullable(sim.state().read(() -> sim.state().user(id)));
  }

  boolean active(int userId) {
    return user(userId).orElseThrow().active();
  }

  Optional<SimUser> userByEmail(String email) {
    return Optional.ofNullable(sim.state().read(() -> sim.state().userByEmail(email)));
  }
}
