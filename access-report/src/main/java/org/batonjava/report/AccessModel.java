package org.batonjava.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one sync of a c1z says about access, kept compact: accounts, targets (groups, databases,
 * collections...), entitlements ("levels"), each principal's direct entitlements as an int array,
 * and the expansion rules ("whoever holds entitlement F also holds E, through principal P") taken
 * from the grants' {@code GrantExpandable} annotations. Effective access is derived from these by
 * {@link EffectiveAccess}; nothing per user-and-resource pair is stored.
 */
public final class AccessModel {
  /**
   * An expansion rule: holders of the source entitlement also get {@code level}, through {@code
   * via}.
   */
  record Edge(int level, int via, Set<String> principalTypes, boolean shallow) {}

  final String syncId;
  final Instant syncTime;
  final List<Target> targets = new ArrayList<>();
  final Map<String, Integer> targetIndex = new HashMap<>();
  final List<Level> levels = new ArrayList<>();
  final Map<String, Integer> levelIndex = new HashMap<>();
  final List<String> principalKeys = new ArrayList<>();
  final Map<String, Integer> principalIndex = new HashMap<>();
  final List<Account> accounts = new ArrayList<>();
  final Map<Integer, Integer> accountOfPrincipal = new HashMap<>();
  final Map<Integer, List<Edge>> edges = new HashMap<>();
  private int[][] direct = new int[16][];
  private int[] directSize = new int[16];

  AccessModel(String syncId, Instant syncTime) {
    this.syncId = syncId;
    this.syncTime = syncTime;
  }

  public String syncId() {
    return syncId;
  }

  /** When the sync ended (or started, for an unfinished one): "now" for dormancy. */
  public Instant syncTime() {
    return syncTime;
  }

  public List<Target> targets() {
    return targets;
  }

  public List<Level> levels() {
    return levels;
  }

  public List<Account> accounts() {
    return accounts;
  }

  public int principalCount() {
    return principalKeys.size();
  }

  public String principalKey(int principal) {
    return principalKeys.get(principal);
  }

  public Optional<Integer> principal(String key) {
    return Optional.ofNullable(principalIndex.get(key));
  }

  public Optional<Integer> level(String entitlementId) {
    return Optional.ofNullable(levelIndex.get(entitlementId));
  }

  public Optional<Integer> target(String key) {
    return Optional.ofNullable(targetIndex.get(key));
  }

  /** The account of a principal, if the principal is one (groups are not). */
  public Optional<Account> account(int principal) {
    Integer a = accountOfPrincipal.get(principal);
    return a == null ? Optional.empty() : Optional.of(accounts.get(a));
  }

  /** A principal's display name: the account's or the target's (for groups), else its key. */
  public String principalName(int principal) {
    String key = principalKeys.get(principal);
    Optional<Account> account = account(principal);
    if (account.isPresent()) {
      return account.get().name();
    }
    Integer t = targetIndex.get(key);
    return t == null ? key : targets.get(t).name();
  }

  /** The entitlements granted to the principal directly (memberships, direct grants). */
  public int[] direct(int principal) {
    if (principal >= direct.length || direct[principal] == null) {
      return new int[0];
    }
    return Arrays.copyOf(direct[principal], directSize[principal]);
  }

  int principalOf(String key) {
    Integer p = principalIndex.get(key);
    if (p != null) {
      return p;
    }
    int index = principalKeys.size();
    principalKeys.add(key);
    principalIndex.put(key, index);
    return index;
  }

  void addDirect(int principal, int level) {
    if (principal >= direct.length) {
      int size = Math.max(principal + 1, direct.length * 2);
      direct = Arrays.copyOf(direct, size);
      directSize = Arrays.copyOf(directSize, size);
    }
    int[] list = direct[principal];
    int n = directSize[principal];
    if (list == null) {
      list = new int[4];
    } else {
      for (int i = 0; i < n; i++) {
        if (list[i] == level) {
          return;
        }
      }
      if (n == list.length) {
        list = Arrays.copyOf(list, n * 2);
      }
    }
    list[n] = level;
    direct[principal] = list;
    directSize[principal] = n + 1;
  }

  void addEdge(int sourceLevel, Edge edge) {
    edges.computeIfAbsent(sourceLevel, k -> new ArrayList<>()).add(edge);
  }

  List<Edge> edgesFrom(int level) {
    return edges.getOrDefault(level, List.of());
  }
}
