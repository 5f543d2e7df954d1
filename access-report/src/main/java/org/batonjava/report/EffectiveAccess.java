package org.batonjava.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who holds what, including what grant expansion adds: a principal holds its direct entitlements,
 * and for each expansion rule "holders of F also get E through P" whose F it holds (and whose
 * principal types admit it; a shallow rule only for direct holders of F), it holds E through P, and
 * so on transitively (cycles are cut). The closure of each entitlement is computed once per
 * principal type and shared by every principal.
 */
public final class EffectiveAccess {
  private static final int MAX_DEPTH = 8;

  private final AccessModel model;
  private final Map<String, List<Reach>> closures = new HashMap<>();

  public EffectiveAccess(AccessModel model) {
    this.model = model;
  }

  public AccessModel model() {
    return model;
  }

  /** Every way {@code principal} holds an entitlement: direct grants first, then expansions. */
  public List<Reach> reach(int principal) {
    String type = type(model.principalKey(principal));
    List<Reach> out = new ArrayList<>();
    int[] direct = model.direct(principal);
    for (int level : direct) {
      out.add(new Reach(level, List.of()));
    }
    for (int level : direct) {
      out.addAll(closure(level, type));
    }
    return out;
  }

  /**
   * The principal's access grouped by entitlement: for each entitlement held, the routes (empty
   * route = direct), in the order first found.
   */
  public Map<Integer, List<List<Integer>>> routes(int principal) {
    Map<Integer, List<List<Integer>>> out = new LinkedHashMap<>();
    for (Reach r : reach(principal)) {
      List<List<Integer>> routes = out.computeIfAbsent(r.level(), k -> new ArrayList<>());
      if (!routes.contains(r.through())) {
        routes.add(r.through());
      }
    }
    return out;
  }

  /** What holding {@code level} directly adds for a principal of {@code type}. */
  public List<Reach> closure(int level, String type) {
    String key = level + "/" + type;
    List<Reach> cached = closures.get(key);
    if (cached == null) {
      cached = new ArrayList<>();
      expand(level, type, List.of(), List.of(level), true, cached);
      closures.put(key, List.copyOf(cached));
    }
    return closures.get(key);
  }

  private void expand(
      int from,
      String type,
      List<Integer> path,
      List<Integer> levelsOnPath,
      boolean heldDirectly,
      List<Reach> out) {
    if (path.size() >= MAX_DEPTH) {
      return;
    }
    for (AccessModel.Edge edge : model.edgesFrom(from)) {
      if (edge.shallow() && !heldDirectly) {
        continue;
      }
      if (!edge.principalTypes().isEmpty() && !edge.principalTypes().contains(type)) {
        continue;
      }
      if (path.contains(edge.via()) || levelsOnPath.contains(edge.level())) {
        continue;
      }
      List<Integer> next = new ArrayList<>(path);
      next.add(edge.via());
      List<Integer> route = List.copyOf(next);
      out.add(new Reach(edge.level(), route));
      List<Integer> levels = new ArrayList<>(levelsOnPath);
      levels.add(edge.level());
      expand(edge.level(), type, route, levels, false, out);
    }
  }

  static String type(String key) {
    int colon = key.indexOf(':');
    return colon < 0 ? key : key.substring(0, colon);
  }
}
