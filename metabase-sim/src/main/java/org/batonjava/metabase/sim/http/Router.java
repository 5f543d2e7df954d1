package org.batonjava.metabase.sim.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Matches a method and path to a {@link Route}, extracting {@code :param} segments. */
public final class Router {
  private final List<Route> routes = new ArrayList<>();
  private final List<List<String>> segments = new ArrayList<>();

  /** A matched route with its path parameters. */
  public record Match(Route route, Map<String, String> params) {}

  /**
   * Registers a route; earlier registrations win when two templates match (literal before
   * parameter).
   */
  public Router add(String method, String template, Route.Access access, Route.Handler handler) {
    Route route = new Route(method, template, access, handler);
    routes.add(route);
    segments.add(route.segments());
    return this;
  }

  /** Finds the route for a method and path (trailing slash ignored). */
  public Optional<Match> match(String method, String path) {
    List<String> parts = split(path);
    for (int i = 0; i < routes.size(); i++) {
      Route route = routes.get(i);
      if (!route.method().equals(method)) {
        continue;
      }
      Map<String, String> params = matchSegments(segments.get(i), parts);
      if (params != null) {
        return Optional.of(new Match(route, params));
      }
    }
    return Optional.empty();
  }

  private static Map<String, String> matchSegments(List<String> template, List<String> parts) {
    if (template.size() != parts.size()) {
      return null;
    }
    Map<String, String> params = new HashMap<>();
    for (int i = 0; i < template.size(); i++) {
      String t = template.get(i);
      if (t.startsWith(":")) {
        params.put(t.substring(1), parts.get(i));
      } else if (!t.equals(parts.get(i))) {
        return null;
      }
    }
    return params;
  }

  static List<String> split(String path) {
    List<String> parts = new ArrayList<>();
    for (String s : path.split("/", -1)) {
      if (!s.isEmpty()) {
        parts.add(s);
      }
    }
    return parts;
  }
}
