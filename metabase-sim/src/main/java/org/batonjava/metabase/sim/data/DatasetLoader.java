package org.batonjava.metabase.sim.data;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.batonjava.metabase.sim.collections.CollectionSeeder;
import org.batonjava.metabase.sim.databases.DataAccess;
import org.batonjava.metabase.sim.databases.PermissionModel;
import org.batonjava.metabase.sim.state.SimDatabase;
import org.batonjava.metabase.sim.state.SimGroup;
import org.batonjava.metabase.sim.state.SimState;
import org.batonjava.metabase.sim.state.SimUser;

/**
 * What a dataset may do to a fresh state: add groups, users with memberships, databases and
 * version-neutral data access. Paid-only facts (group managers, blocked access) are dropped on a
 * free build.
 */
public final class DatasetLoader {
  private final SimState state;
  private final PermissionModel model;
  private final boolean paid;
  private final List<PendingKey> pendingKeys = new java.util.ArrayList<>();

  public DatasetLoader(SimState state, PermissionModel model, boolean paid) {
    this.state = state;
    this.model = model;
    this.paid = paid;
  }

  public boolean paid() {
    return paid;
  }

  /** Adds a group (ids 1 and 2 exist already and are skipped). */
  public void group(int id, String name) {
    if (id == SimGroup.ALL_USERS || id == SimGroup.ADMINISTRATORS) {
      return;
    }
    if (state.groupByName(name) != null) {
      throw new IllegalArgumentException("duplicate group name '" + name + "'");
    }
    state.seedGroup(id, name);
  }

  /**
   * Adds a personal user in All Users plus {@code groups}; managers of {@code managerOf} on paid
   * builds.
   *
   * @param password the login password, or null for a random one
   */
  public SimUser user(
      int id,
      String email,
      String first,
      String last,
      boolean active,
      String password,
      Instant joined,
      Instant lastLogin,
      Collection<Integer> groups,
      Collection<Integer> managerOf) {
    if (state.userByEmail(email) != null) {
      throw new IllegalArgumentException("duplicate e-mail '" + email + "'");
    }
    SimUser u = state.seedUser(id, SimUser.Type.PERSONAL, email, first, last, joined);
    if (password == null) {
      state.credentials().setRandomPassword(u);
    } else {
      state.credentials().setPassword(u, password);
    }
    u.lastLogin(lastLogin);
    u.touch(lastLogin == null ? joined : lastLogin);
    for (int gid : groups) {
      if (gid == SimGroup.ALL_USERS) {
        continue;
      }
      if (state.group(gid) == null) {
        throw new IllegalArgumentException("user " + id + " refers to unknown group " + gid);
      }
      boolean manager = paid && managerOf.contains(gid) && gid != SimGroup.ADMINISTRATORS;
      state.addMembership(id, gid, manager);
    }
    state.setActive(u, active);
    return u;
  }

  /** Adds a database with its tables. */
  public void database(
      int id,
      String name,
      String engine,
      String description,
      boolean sample,
      boolean audit,
      Instant created,
      List<SimDatabase.Table> tables) {
    state.addDatabase(
        new SimDatabase(id, name, engine, description, sample, audit, created, tables));
  }

  /**
   * Grants a group data access on a database in the running version's model.
   *
   * @param download {@code full}, {@code limited} or null
   */
  public void access(int groupId, int dbId, DataAccess access, String download) {
    if (state.group(groupId) == null || state.database(dbId) == null) {
      throw new IllegalArgumentException(
          "permission for unknown group " + groupId + " or database " + dbId);
    }
    if (groupId == SimGroup.ADMINISTRATORS || state.database(dbId).audit()) {
      return;
    }
    DataAccess effective = access == DataAccess.BLOCKED && !paid ? DataAccess.NONE : access;
    state.permissions().put(groupId, dbId, model.seed(effective, paid ? download : null));
  }

  /**
   * Gives every group without an entry on a database the version's default for new groups (0.50+:
   * view-data unrestricted), as Metabase does when groups and databases are created.
   */
  public void fillDefaults() {
    var defaults = model.defaultForNewGroup();
    if (defaults == null) {
      return;
    }
    for (SimGroup g : state.groups()) {
      if (g.id() == SimGroup.ADMINISTRATORS) {
        continue;
      }
      for (SimDatabase db : state.databases()) {
        if (!db.audit() && state.permissions().get(g.id(), db.id()) == null) {
          state.permissions().put(g.id(), db.id(), defaults.deepCopy());
        }
      }
    }
  }

  public void revision(int revision) {
    state.permissions().revision(revision);
  }

  /** Collections and their group permissions. */
  public CollectionSeeder collections() {
    return new CollectionSeeder(state);
  }

  /** Sets the collection graph's revision. */
  public void collectionRevision(int revision) {
    state.collections().revision(revision);
  }

  /**
   * Gives a group an application permission ({@code setting}, {@code monitoring} or {@code
   * subscription}).
   */
  public void applicationAccess(int groupId, String permission) {
    if (state.group(groupId) == null) {
      throw new IllegalArgumentException(
          "application permission '" + permission + "' refers to unknown group " + groupId);
    }
    if (!org.batonjava.metabase.sim.state.ApplicationStore.known(permission)) {
      throw new IllegalArgumentException(
          "unknown application permission '"
              + permission
              + "' (expected setting, monitoring or subscription)");
    }
    state.applications().set(groupId, permission, true);
  }

  /**
   * Maps an identity-provider group to Metabase groups and switches that provider's group sync on.
   */
  public void ssoMapping(String provider, String idpGroup, List<Integer> groupIds) {
    if (!org.batonjava.metabase.sim.state.SsoSettings.PROVIDERS.contains(provider)) {
      throw new IllegalArgumentException(
          "unknown SSO provider '" + provider + "' (expected ldap, saml or jwt)");
    }
    for (int id : groupIds) {
      if (state.group(id) == null) {
        throw new IllegalArgumentException(
            "SSO mapping '" + idpGroup + "' refers to unknown group " + id);
      }
      state.sso().map(provider, idpGroup, id);
    }
    state.sso().sync(provider, true);
  }

  /** Adds a sandbox of a table for a group (paid builds show it). */
  public void sandbox(
      int groupId,
      int tableId,
      Integer cardId,
      com.fasterxml.jackson.databind.JsonNode remappings) {
    if (state.group(groupId) == null) {
      throw new IllegalArgumentException("sandbox refers to unknown group " + groupId);
    }
    boolean tableKnown =
        state.databases().stream()
            .anyMatch(d -> d.tables().stream().anyMatch(t -> t.id() == tableId));
    if (!tableKnown) {
      throw new IllegalArgumentException("sandbox refers to unknown table " + tableId);
    }
    state.policies().addSandbox(groupId, tableId, cardId, remappings);
  }

  /** Adds a connection impersonation of a database for a group (paid builds show it). */
  public void impersonation(int groupId, int dbId, String attribute) {
    if (state.group(groupId) == null || state.database(dbId) == null) {
      throw new IllegalArgumentException(
          "impersonation refers to unknown group " + groupId + " or database " + dbId);
    }
    state.policies().addImpersonation(groupId, dbId, attribute);
  }

  /** Sets the application graph's revision. */
  public void applicationRevision(int revision) {
    state.applications().revision(revision);
  }

  /**
   * Adds an API key (its pseudo-user joins All Users and {@code groupId}), created by user {@code
   * createdBy}. Keys are created by {@link #createApiKeys()}, after the simulator's own admin key,
   * so that key keeps id 1.
   */
  public void apiKey(String name, int groupId, int createdBy) {
    if (state.group(groupId) == null) {
      throw new IllegalArgumentException(
          "API key '" + name + "' refers to unknown group " + groupId);
    }
    if (pendingKeys.stream().anyMatch(k -> k.name().equals(name))) {
      throw new IllegalArgumentException("duplicate API key name '" + name + "'");
    }
    pendingKeys.add(new PendingKey(name, groupId, createdBy));
  }

  /** Creates the dataset's API keys (called once the simulator's admin key exists). */
  public void createApiKeys() {
    for (PendingKey k : pendingKeys) {
      if (state.credentials().keyNameTaken(k.name())) {
        throw new IllegalArgumentException("duplicate API key name '" + k.name() + "'");
      }
      state.credentials().create(k.name(), k.groupId(), k.createdBy(), null);
    }
    pendingKeys.clear();
  }

  private record PendingKey(String name, int groupId, int createdBy) {}
}
