package org.batonjava.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What changed between an earlier sync and this one: access granted and removed (effective access
 * of every account and group, expansion included, compared entitlement by entitlement), accounts
 * added, removed and deactivated, and new administrators. Principals and entitlements are matched
 * by their ids.
 */
public final class Changes {
  /**
   * One change.
   *
   * @param kind granted, removed, account added, account removed, deactivated, reactivated, new
   *     admin
   * @param who the principal's name
   * @param whoType its resource type
   * @param email the account's e-mail (empty for groups)
   * @param targetType the type name of what the access is on (empty for account changes)
   * @param target what the access is on
   * @param level the level granted or removed
   * @param through the groups the access passes through ("direct" when granted directly)
   */
  public record Change(
      String kind,
      String who,
      String whoType,
      String email,
      String targetType,
      String target,
      String level,
      String through) {}

  private final List<Change> changes = new ArrayList<>();

  public Changes(Review previous, Review current) {
    AccessModel before = previous.model();
    AccessModel now = current.model();
    Map<String, Review.AccountFacts> old = new HashMap<>();
    previous.accounts().forEach(f -> old.put(f.account().key(), f));
    Set<String> seen = new java.util.HashSet<>();
    for (Review.AccountFacts f : current.accounts()) {
      Account a = f.account();
      seen.add(a.key());
      Review.AccountFacts was = old.get(a.key());
      if (was == null) {
        changes.add(account("account added", a));
      } else if (was.account().active() && !a.active()) {
        changes.add(account("deactivated", a));
      } else if (!was.account().active() && a.active()) {
        changes.add(account("reactivated", a));
      }
      if (f.admin() && a.active() && (was == null || !was.admin() || !was.account().active())) {
        changes.add(
            new Change(
                "new admin",
                a.name(),
                a.type(),
                a.email(),
                "",
                "",
                "",
                names(now, f.adminRoutes())));
      }
    }
    for (Review.AccountFacts f : previous.accounts()) {
      if (!seen.contains(f.account().key())) {
        changes.add(account("account removed", f.account()));
      }
    }
    Set<String> principals = new LinkedHashSet<>();
    for (int p = 0; p < now.principalCount(); p++) {
      principals.add(now.principalKey(p));
    }
    for (int p = 0; p < before.principalCount(); p++) {
      principals.add(before.principalKey(p));
    }
    for (String key : principals) {
      Map<String, List<List<Integer>>> was = byId(previous.access(), key);
      Map<String, List<List<Integer>>> is = byId(current.access(), key);
      for (Map.Entry<String, List<List<Integer>>> e : is.entrySet()) {
        if (!was.containsKey(e.getKey())) {
          changes.add(access("granted", now, key, e.getKey(), e.getValue()));
        }
      }
      for (Map.Entry<String, List<List<Integer>>> e : was.entrySet()) {
        if (!is.containsKey(e.getKey())) {
          changes.add(access("removed", before, key, e.getKey(), e.getValue()));
        }
      }
    }
  }

  public List<Change> list() {
    return changes;
  }

  public long count(String kind) {
    return changes.stream().filter(c -> c.kind().equals(kind)).count();
  }

  private static Map<String, List<List<Integer>>> byId(
      EffectiveAccess access, String principalKey) {
    Optional<Integer> p = access.model().principal(principalKey);
    if (p.isEmpty()) {
      return Map.of();
    }
    Map<String, List<List<Integer>>> out = new HashMap<>();
    access
        .routes(p.get())
        .forEach((level, routes) -> out.put(access.model().levels().get(level).id(), routes));
    return out;
  }

  private static Change account(String kind, Account a) {
    return new Change(kind, a.name(), a.type(), a.email(), "", "", "", "");
  }

  private static Change access(
      String kind,
      AccessModel model,
      String principalKey,
      String levelId,
      List<List<Integer>> routes) {
    int p = model.principal(principalKey).orElseThrow();
    Level level = model.levels().get(model.level(levelId).orElseThrow());
    Target target = model.targets().get(level.target());
    String email = model.account(p).map(Account::email).orElse("");
    return new Change(
        kind,
        model.principalName(p),
        EffectiveAccess.type(principalKey),
        email,
        target.typeName(),
        target.name(),
        level.slug(),
        names(model, routes));
  }

  /** "direct", or the routes' groups ("Analysts", "Contractors → Analysts"), comma separated. */
  static String names(AccessModel model, List<List<Integer>> routes) {
    Set<String> out = new LinkedHashSet<>();
    for (List<Integer> route : routes) {
      if (route.isEmpty()) {
        out.add("direct");
      } else {
        List<String> hops = new ArrayList<>();
        route.forEach(p -> hops.add(model.principalName(p)));
        out.add(String.join(" → ", hops));
      }
    }
    return String.join(", ", out);
  }
}
