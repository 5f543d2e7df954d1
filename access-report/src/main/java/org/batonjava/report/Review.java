package org.batonjava.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The review's facts about one sync, computed in one pass over the accounts: who is an
 * administrator, who is dormant, who left but still holds access, and per target how many accounts
 * hold each level (counted at their highest level). Only counters and small per-account flags are
 * kept.
 */
public final class Review {
  /**
   * Metabase's magic groups: All Users (id 1; everyone is in it) and Administrators (id 2;
   * superusers).
   */
  static final String ALL_USERS = "group:1";

  static final String ADMINISTRATORS = "group:2";

  /** Per-account facts; {@code resources} counts the non-group targets the account reaches. */
  public record AccountFacts(
      Account account,
      boolean admin,
      boolean dormant,
      boolean neverLoggedIn,
      boolean deactivatedInGroups,
      int groups,
      int resources,
      List<List<Integer>> adminRoutes) {}

  private final EffectiveAccess access;
  private final AccessModel model;
  private final int dormantDays;
  private final List<AccountFacts> facts = new ArrayList<>();

  /** [target][rank]: accounts whose highest level on the target has that rank. */
  private final int[][] highest;

  private final int groupCount;

  public Review(EffectiveAccess access, int dormantDays) {
    this.access = access;
    this.model = access.model();
    this.dormantDays = dormantDays;
    int[] ranks = new int[model.targets().size()];
    for (Level l : model.levels()) {
      ranks[l.target()] = Math.max(ranks[l.target()], l.rank() + 1);
    }
    highest = new int[ranks.length][];
    for (int t = 0; t < ranks.length; t++) {
      highest[t] = new int[ranks[t]];
    }
    groupCount = (int) model.targets().stream().filter(Target::group).count();
    Optional<Integer> adminLevel = model.level(ADMINISTRATORS + ":member");
    Instant dormantBefore = model.syncTime().minus(Duration.ofDays(dormantDays));
    for (Account a : model.accounts()) {
      Map<Integer, List<List<Integer>>> routes = access.routes(a.principal());
      int[] best = new int[ranks.length];
      java.util.Arrays.fill(best, -1);
      int groups = 0;
      int resources = 0;
      boolean inRealGroup = false;
      for (Map.Entry<Integer, List<List<Integer>>> e : routes.entrySet()) {
        Level level = model.levels().get(e.getKey());
        Target target = model.targets().get(level.target());
        if (target.group()) {
          groups++;
          inRealGroup |= !target.key().equals(ALL_USERS);
        } else if (best[level.target()] < 0) {
          resources++;
        }
        best[level.target()] = Math.max(best[level.target()], level.rank());
      }
      for (int t = 0; t < best.length; t++) {
        if (best[t] >= 0) {
          highest[t][best[t]]++;
        }
      }
      boolean admin = adminLevel.isPresent() && routes.containsKey(adminLevel.get());
      List<List<Integer>> adminRoutes = admin ? routes.get(adminLevel.get()) : List.of();
      boolean person = !a.apiKey();
      boolean never = person && a.active() && a.lastLogin().isEmpty();
      boolean dormant =
          person
              && a.active()
              && resources > 0
              && a.lastLogin().map(l -> l.isBefore(dormantBefore)).orElse(false);
      boolean deactivatedInGroups = !a.active() && inRealGroup;
      facts.add(
          new AccountFacts(
              a, admin, dormant, never, deactivatedInGroups, groups, resources, adminRoutes));
    }
  }

  public EffectiveAccess access() {
    return access;
  }

  public AccessModel model() {
    return model;
  }

  public int dormantDays() {
    return dormantDays;
  }

  public List<AccountFacts> accounts() {
    return facts;
  }

  public int groupCount() {
    return groupCount;
  }

  /** Accounts whose highest level on {@code target} has {@code rank}. */
  public int highestCount(int target, int rank) {
    return highest[target].length > rank ? highest[target][rank] : 0;
  }

  /** Accounts that hold any level on {@code target} (for a group: its members). */
  public int accountsOn(int target) {
    int n = 0;
    for (int c : highest[target]) {
      n += c;
    }
    return n;
  }

  public long count(java.util.function.Predicate<AccountFacts> p) {
    return facts.stream().filter(p).count();
  }
}
