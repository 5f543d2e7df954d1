package org.batonjava.metabase.sim.databases;

/**
 * Version-neutral data access a dataset grants a group on a database; each {@link PermissionModel}
 * translates it into its own graph values.
 */
public enum DataAccess {
  /**
   * Nothing beyond the version's default for a group (0.49: no entry; 0.50+: view-data
   * unrestricted, no queries).
   */
  NONE,
  /** 0.49 {@code data.schemas: "none"} / 0.50+ {@code view-data: "legacy-no-self-service"}. */
  NO_SELF_SERVICE,
  /**
   * Query builder only: 0.49 {@code data.schemas: "all"} / 0.50+ {@code create-queries:
   * "query-builder"}.
   */
  QUERY_BUILDER,
  /**
   * Query builder and native SQL: 0.49 {@code native: "write"} / 0.50+ {@code
   * "query-builder-and-native"}.
   */
  NATIVE,
  /**
   * Blocked (paid builds only): 0.49 {@code schemas: "block"} / 0.50+ {@code view-data: "blocked"}.
   */
  BLOCKED
}
