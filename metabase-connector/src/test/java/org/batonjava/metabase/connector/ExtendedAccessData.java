package org.batonjava.metabase.connector;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The demo dataset's API keys and collections written out by hand (metabase-sim/README.md), and the
 * IDs the connector must give them. Nothing here calls the connector.
 */
final class ExtendedAccessData {
  /**
   * Key id → group: the simulator's admin key and ETL pipeline (Administrators), Board report
   * export (Contractors).
   */
  static final long[][] KEYS = {{1, 2}, {2, 2}, {3, 7}};

  /** The keys' pseudo-users (users 11-13): in the membership map, never synced. */
  static final List<Integer> PSEUDO_USERS = List.of(11, 12, 13);

  /**
   * "collection group level" from the demo's collection permissions; Administrators curate
   * everything.
   */
  static final List<String> COLLECTION_LEVELS =
      List.of(
          "root 1 read",
          "root 2 write",
          "root 3 write",
          "1 2 write",
          "1 3 read",
          "1 4 write",
          "2 2 write",
          "2 4 read",
          "2 7 read",
          "3 2 write",
          "3 4 write",
          "4 1 read",
          "4 2 write",
          "4 3 write",
          "4 5 write");

  /** The Usage-analytics collection's id on paid builds (after the dataset's seven). */
  static final String ANALYTICS = "8";

  private ExtendedAccessData() {}

  /**
   * Root, Finance (1), Board (2), Payroll (3), Marketing (4), and on paid builds Usage analytics.
   */
  static List<String> collections(boolean paid) {
    List<String> out = new ArrayList<>(List.of("root", "1", "2", "3", "4"));
    if (paid) {
      out.add(ANALYTICS);
    }
    return out;
  }

  static Set<String> resourceIds(boolean paid) {
    Set<String> out = new TreeSet<>();
    for (long[] k : KEYS) {
      out.add("api_key:" + k[0]);
    }
    collections(paid).forEach(c -> out.add("collection:" + c));
    return out;
  }

  static Set<String> entitlementIds(boolean paid) {
    Set<String> out = new TreeSet<>();
    for (String c : collections(paid)) {
      out.add("collection:" + c + ":view");
      if (!c.equals(ANALYTICS)) {
        out.add("collection:" + c + ":curate");
      }
    }
    return out;
  }

  /** The grants the connector emits (expansion not run). */
  static Set<String> grantIds(boolean paid) {
    Set<String> out = new TreeSet<>();
    for (long[] k : KEYS) {
      out.add("group:1:member:api_key:" + k[0]);
      out.add("group:" + k[1] + ":member:api_key:" + k[0]);
    }
    for (String line : COLLECTION_LEVELS) {
      String[] p = line.split(" ", -1);
      out.add("collection:" + p[0] + ":view:group:" + p[1]);
      if (p[2].equals("write")) {
        out.add("collection:" + p[0] + ":curate:group:" + p[1]);
      }
    }
    if (paid) {
      out.add("collection:" + ANALYTICS + ":view:group:2");
    }
    return out;
  }
}
