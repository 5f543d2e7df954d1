package org.batonjava.metabase.sim.state;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The whole simulated Metabase application database: users, groups, memberships, databases, API
 * keys, sessions and the permission graph. One read/write lock guards everything; every API
 * operation runs inside {@link #read} or {@link #write}, so each request sees a consistent snapshot
 * and each change is atomic.
 */
public final class SimState {
  /** The hidden internal user (never listed; cannot be modified). */
  public static final int INTERNAL_USER_ID = 13371338;

  private static final Comparator<SortKey> NAME_ORDER =
      Comparator.comparing(SortKey::first, Comparator.nullsLast(Comparator.<String>naturalOrder()))
          .thenComparing(SortKey::last, Comparator.nullsLast(Comparator.<String>naturalOrder()))
          .thenComparingInt(SortKey::id);

  private record SortKey(String first, String last, int id) {
    static SortKey of(SimUser u) {
      return new SortKey(lower(u.firstName()), lower(u.lastName()), u.id());
    }
  }

  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final Clock clock;
  private final Random entityIds;
  private final Map<Integer, SimUser> users = new HashMap<>();
  private final Map<String, SimUser> byEmail = new HashMap<>();
  private final TreeMap<SortKey, SimUser> personalByName = new TreeMap<>(NAME_ORDER);
  // personalByName as a list, for O(page) paging when no filter applies; rebuilt after a change.
  // Built under the read lock, possibly by two readers at once (they build equal lists).
  private volatile List<SimUser> personalByNameList;
  private final Map<Integer, SimGroup> groups = new HashMap<>();
  private final Map<Integer, SimMembership> memberships = new HashMap<>();
  private final Map<Integer, TreeMap<Integer, SimMembership>> byUser = new HashMap<>();
  private final Map<Integer, Map<Integer, SimMembership>> byGroup = new HashMap<>();
  private final Map<Integer, SimDatabase> databases = new TreeMap<>();
  private final Credentials credentials;
  private final PermissionStore permissions = new PermissionStore();
  private final CollectionStore collections = new CollectionStore();
  private final ApplicationStore applications = new ApplicationStore();
  private final SsoSettings sso = new SsoSettings();
  private final PolicyStore policies = new PolicyStore();
  private int nextUserId = 1;
  private int nextGroupId = 1;
  private int nextMembershipId = 1;

  /**
   * @param clock time source for timestamps of changes
   * @param seed seeds entity ids and generated API keys
   */
  public SimState(Clock clock, long seed) {
    this.clock = clock;
    this.entityIds = new Random(seed);
    this.credentials = new Credentials(this, seed);
    seedGroup(SimGroup.ALL_USERS, "All Users");
    seedGroup(SimGroup.ADMINISTRATORS, "Administrators");
  }

  /** Runs a read under the shared lock. */
  public <T> T read(Supplier<T> action) {
    lock.readLock().lock();
    try {
      return action.get();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Runs a change under the exclusive lock: atomic with respect to every other request. */
  public <T> T write(Supplier<T> action) {
    lock.writeLock().lock();
    try {
      return action.get();
    } finally {
      lock.writeLock().unlock();
    }
  }

  public Instant now() {
    return clock.instant();
  }

  public Credentials credentials() {
    return credentials;
  }

  public PermissionStore permissions() {
    return permissions;
  }

  /** Collections and the collection permission graph. */
  /** The application permissions (paid builds) and their revision. */
  public ApplicationStore applications() {
    return applications;
  }

  /** The SSO group-sync settings. */
  public SsoSettings sso() {
    return sso;
  }

  /** Sandboxes and impersonations (paid builds). */
  public PolicyStore policies() {
    return policies;
  }

  public CollectionStore collections() {
    return collections;
  }

  // ---- users
  // ---------------------------------------------------------------------------------------------

  /** Creates a user with the next id and puts it in All Users. */
  public SimUser createUser(
      SimUser.Type type, String email, String first, String last, Instant joined) {
    return seedUser(nextUserId, type, email, first, last, joined);
  }

  /** Creates a user with a given id (datasets) and puts it in All Users. */
  public SimUser seedUser(
      int id, SimUser.Type type, String email, String first, String last, Instant joined) {
    if (users.containsKey(id)) {
      throw new IllegalStateException("duplicate user id " + id);
    }
    String key = lower(email);
    if (byEmail.containsKey(key)) {
      throw new IllegalStateException("duplicate e-mail " + email);
    }
    SimUser user = new SimUser(id, type, key, first, last, joined);
    users.put(id, user);
    byEmail.put(key, user);
    if (user.personal()) {
      personalByName.put(SortKey.of(user), user);
      personalByNameList = null;
    }
    nextUserId = Math.max(nextUserId, id + 1);
    addMembership(id, SimGroup.ALL_USERS, false);
    return user;
  }

  public SimUser user(int id) {
    return users.get(id);
  }

  public SimUser userByEmail(String email) {
    return email == null ? null : byEmail.get(lower(email));
  }

  public void rename(SimUser user, String first, String last) {
    if (user.personal()) {
      personalByName.remove(SortKey.of(user));
    }
    user.names(first, last);
    if (user.personal()) {
      personalByName.put(SortKey.of(user), user);
    }
    personalByNameList = null;
  }

  public void changeEmail(SimUser user, String email) {
    byEmail.remove(user.email());
    user.email(lower(email));
    byEmail.put(user.email(), user);
  }

  public void setActive(SimUser user, boolean active) {
    user.active(active);
  }

  /**
   * Personal users matching a filter, in Metabase's order ({@code lower(first_name),
   * lower(last_name), id}), paged without copying the whole table.
   *
   * @param limit null for no limit
   */
  public UserPage listUsers(UserFilter filter, int offset, Integer limit) {
    if (filter.acceptsEveryone()) {
      List<SimUser> all = personalByNameList;
      if (all == null) {
        all = List.copyOf(personalByName.values());
        personalByNameList = all;
      }
      int from = Math.min(offset, all.size());
      int to = limit == null ? all.size() : (int) Math.min((long) from + limit, all.size());
      return new UserPage(new ArrayList<>(all.subList(from, to)), all.size());
    }
    List<SimUser> page = new ArrayList<>();
    int total = 0;
    Collection<SimUser> source = personalByName.values();
    for (SimUser u : source) {
      if (!filter.accepts(u, this)) {
        continue;
      }
      if (total >= offset && (limit == null || page.size() < limit)) {
        page.add(u);
      }
      total++;
    }
    return new UserPage(page, total);
  }

  public int personalUserCount() {
    return personalByName.size();
  }

  /** True iff the user is in Administrators (deactivated admins keep the flag). */
  public boolean isSuperuser(int userId) {
    return isMember(userId, SimGroup.ADMINISTRATORS);
  }

  // ---- groups
  // --------------------------------------------------------------------------------------------

  public SimGroup createGroup(String name) {
    return seedGroup(nextGroupId, name);
  }

  public SimGroup seedGroup(int id, String name) {
    if (groups.containsKey(id)) {
      throw new IllegalStateException("duplicate group id " + id);
    }
    SimGroup group = new SimGroup(id, name, newEntityId());
    groups.put(id, group);
    byGroup.put(id, new HashMap<>());
    nextGroupId = Math.max(nextGroupId, id + 1);
    return group;
  }

  public SimGroup group(int id) {
    return groups.get(id);
  }

  public SimGroup groupByName(String name) {
    String key = lower(name);
    return groups.values().stream()
        .filter(g -> lower(g.name()).equals(key))
        .findFirst()
        .orElse(null);
  }

  /** All groups sorted by {@code lower(name)}. */
  public List<SimGroup> groupsByName() {
    List<SimGroup> list = new ArrayList<>(groups.values());
    list.sort(Comparator.comparing((SimGroup g) -> lower(g.name())).thenComparingInt(SimGroup::id));
    return list;
  }

  public void renameGroup(SimGroup group, String name) {
    group.name(name);
  }

  /** Deletes a group with its memberships and permission entries. */
  public void deleteGroup(int id) {
    for (SimMembership m : new ArrayList<>(byGroup.getOrDefault(id, Map.of()).values())) {
      removeMembership(m.id());
    }
    groups.remove(id);
    byGroup.remove(id);
    permissions.removeGroup(id);
    collections.removeGroup(id);
    applications.removeGroup(id);
    sso.removeGroup(id);
    policies.removeGroup(id);
  }

  /** Active members of a group (API-key pseudo-users included). */
  public int activeMemberCount(int groupId) {
    int n = 0;
    for (SimMembership m : byGroup.getOrDefault(groupId, Map.of()).values()) {
      if (users.get(m.userId()).active()) {
        n++;
      }
    }
    return n;
  }

  // ---- memberships
  // ---------------------------------------------------------------------------------------

  /** Inserts a membership row without any rule checks (callers enforce Metabase's rules). */
  public SimMembership addMembership(int userId, int groupId, boolean manager) {
    return seedMembership(nextMembershipId, userId, groupId, manager);
  }

  public SimMembership seedMembership(int id, int userId, int groupId, boolean manager) {
    if (!users.containsKey(userId) || !groups.containsKey(groupId)) {
      throw new IllegalStateException(
          "membership of unknown user " + userId + " or group " + groupId);
    }
    if (isMember(userId, groupId)) {
      throw new IllegalStateException("user " + userId + " is already in group " + groupId);
    }
    SimMembership m = new SimMembership(id, userId, groupId, manager);
    memberships.put(m.id(), m);
    byUser.computeIfAbsent(userId, k -> new TreeMap<>()).put(groupId, m);
    byGroup.get(groupId).put(userId, m);
    nextMembershipId = Math.max(nextMembershipId, id + 1);
    return m;
  }

  public SimMembership membership(int id) {
    return memberships.get(id);
  }

  public SimMembership setManager(int membershipId, boolean manager) {
    SimMembership updated = memberships.get(membershipId).withManager(manager);
    memberships.put(membershipId, updated);
    byUser.get(updated.userId()).put(updated.groupId(), updated);
    byGroup.get(updated.groupId()).put(updated.userId(), updated);
    return updated;
  }

  public void removeMembership(int membershipId) {
    SimMembership m = memberships.remove(membershipId);
    if (m != null) {
      byUser.get(m.userId()).remove(m.groupId());
      byGroup.get(m.groupId()).remove(m.userId());
    }
  }

  public boolean isMember(int userId, int groupId) {
    TreeMap<Integer, SimMembership> mine = byUser.get(userId);
    return mine != null && mine.containsKey(groupId);
  }

  public SimMembership membershipOf(int userId, int groupId) {
    TreeMap<Integer, SimMembership> mine = byUser.get(userId);
    return mine == null ? null : mine.get(groupId);
  }

  /** A user's memberships sorted by group id. */
  public Collection<SimMembership> membershipsOf(int userId) {
    TreeMap<Integer, SimMembership> mine = byUser.get(userId);
    return mine == null ? List.of() : mine.values();
  }

  /** All membership rows of a group (any user state). */
  public Collection<SimMembership> membershipsIn(int groupId) {
    return byGroup.getOrDefault(groupId, Map.of()).values();
  }

  /** Every membership row keyed by user id (ascending), each list sorted by group id. */
  public SortedMap<Integer, Collection<SimMembership>> allMemberships() {
    TreeMap<Integer, Collection<SimMembership>> out = new TreeMap<>();
    byUser.forEach(
        (uid, ms) -> {
          if (!ms.isEmpty()) {
            out.put(uid, ms.values());
          }
        });
    return out;
  }

  public int membershipCount() {
    return memberships.size();
  }

  // ---- databases
  // -----------------------------------------------------------------------------------------

  public void addDatabase(SimDatabase db) {
    if (databases.putIfAbsent(db.id(), db) != null) {
      throw new IllegalStateException("duplicate database id " + db.id());
    }
  }

  public SimDatabase database(int id) {
    return databases.get(id);
  }

  /** Databases in id order. */
  public Collection<SimDatabase> databases() {
    return databases.values();
  }

  public Collection<SimGroup> groups() {
    return groups.values();
  }

  public Collection<SimUser> users() {
    return users.values();
  }

  // ---- helpers
  // -------------------------------------------------------------------------------------------

  private String newEntityId() {
    String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_-";
    StringBuilder sb = new StringBuilder(21);
    for (int i = 0; i < 21; i++) {
      sb.append(alphabet.charAt(entityIds.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  static String lower(String s) {
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }
}
