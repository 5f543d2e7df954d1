package org.batonjava.metabase.connector;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The simulator's documented demo dataset (metabase-sim/README.md), written out by hand, and the
 * IDs the Go connectors' rules give for it. Nothing here calls the connector.
 */
final class DemoData {
  static final int USERS = 10;
  static final int GROUPS = 7;
  static final int DATABASES = 4;

  /** Groups besides All Users (1), per user, from the README's table. User 8 is deactivated. */
  static final Map<Integer, List<Integer>> GROUPS_OF =
      Map.of(
          1, List.of(2),
          2, List.of(2, 6),
          3, List.of(3, 6),
          4, List.of(3, 4),
          5, List.of(4),
          6, List.of(5),
          7, List.of(6),
          8, List.of(3, 6),
          9, List.of(5, 7),
          10, List.of(3));

  /** Jane Doe (4) manages Finance (4) on paid builds. */
  static final int MANAGER_USER = 4;

  static final int MANAGED_GROUP = 4;

  /**
   * "group database slug" for 0.49 (README's data-access table, Administrators with full access
   * everywhere): {@code schemas all} → access, {@code native write} → access + write; Engineering's
   * {@code schemas none} and Contractors' {@code schemas block} (paid) give nothing.
   */
  static final List<String> LEGACY_GRANTS =
      List.of(
          "1 1 access",
          "2 1 access",
          "2 1 write",
          "2 2 access",
          "2 2 write",
          "2 3 access",
          "2 3 write",
          "2 4 access",
          "2 4 write",
          "3 1 access",
          "3 1 write",
          "3 2 access",
          "3 3 access",
          "3 4 access",
          "3 4 write",
          "4 2 access",
          "4 2 write",
          "5 1 access",
          "5 3 access",
          "5 3 write",
          "6 4 access",
          "6 4 write");

  /**
   * The same for 0.50+: {@code query-builder} / {@code query-builder-and-native} (not cumulative).
   */
  static final List<String> CREATE_QUERIES_GRANTS =
      List.of(
          "1 1 query-builder",
          "2 1 query-builder-and-native",
          "2 2 query-builder-and-native",
          "2 3 query-builder-and-native",
          "2 4 query-builder-and-native",
          "3 1 query-builder-and-native",
          "3 2 query-builder",
          "3 3 query-builder",
          "3 4 query-builder-and-native",
          "4 2 query-builder-and-native",
          "5 1 query-builder",
          "5 3 query-builder-and-native",
          "6 4 query-builder-and-native");

  @SuppressWarnings("ImmutableEnumChecker") // the lists are List.of(...), unmodifiable
  enum Model {
    NONE(List.of(), List.of()),
    LEGACY(List.of("access", "write"), LEGACY_GRANTS),
    CREATE_QUERIES(List.of("query-builder", "query-builder-and-native"), CREATE_QUERIES_GRANTS);

    final List<String> slugs;
    final List<String> grants;

    Model(List<String> slugs, List<String> grants) {
      this.slugs = slugs;
      this.grants = grants;
    }
  }

  private DemoData() {}

  static boolean memberOf(int user, int group) {
    return group == 1 || GROUPS_OF.get(user).contains(group);
  }

  static Set<String> resourceIds(Model model) {
    Set<String> ids = new TreeSet<>();
    for (int u = 1; u <= USERS; u++) {
      ids.add("user:" + u);
    }
    for (int g = 1; g <= GROUPS; g++) {
      ids.add("group:" + g);
    }
    if (model != Model.NONE) {
      for (int d = 1; d <= DATABASES; d++) {
        ids.add("database:" + d);
      }
    }
    return ids;
  }

  static Set<String> entitlementIds(Model model, boolean paidPlan) {
    Set<String> ids = new TreeSet<>();
    for (int g = 1; g <= GROUPS; g++) {
      ids.add("group:" + g + ":member");
      if (paidPlan) {
        ids.add("group:" + g + ":manager");
      }
    }
    for (int d = 1; d <= (model == Model.NONE ? 0 : DATABASES); d++) {
      for (String slug : model.slugs) {
        ids.add("database:" + d + ":" + slug);
      }
    }
    return ids;
  }

  /**
   * Membership grants; {@code managers} = the server has Jane as Finance manager and the plan shows
   * managers.
   */
  static Set<String> membershipGrantIds(boolean managers) {
    Set<String> ids = new TreeSet<>();
    for (int u = 1; u <= USERS; u++) {
      for (int g = 1; g <= GROUPS; g++) {
        if (memberOf(u, g)) {
          boolean manager = managers && u == MANAGER_USER && g == MANAGED_GROUP;
          ids.add("group:" + g + ":" + (manager ? "manager" : "member") + ":user:" + u);
        }
      }
    }
    return ids;
  }

  static Set<String> databaseGrantIds(Model model) {
    Set<String> ids = new TreeSet<>();
    for (String row : model.grants) {
      String[] p = row.split(" ", -1);
      ids.add("database:" + p[1] + ":" + p[2] + ":group:" + p[0]);
    }
    return ids;
  }

  /**
   * Database grants expanded to users through their groups (members, and managers with the paid
   * plan).
   */
  static Set<String> expandedDatabaseGrantIds(Model model) {
    Set<String> ids = new TreeSet<>();
    for (String row : model.grants) {
      String[] p = row.split(" ", -1);
      int group = Integer.parseInt(p[0]);
      for (int u = 1; u <= USERS; u++) {
        if (memberOf(u, group)) {
          ids.add("database:" + p[1] + ":" + p[2] + ":user:" + u);
        }
      }
    }
    return ids;
  }

  static List<String> all(Set<String> a, Set<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
