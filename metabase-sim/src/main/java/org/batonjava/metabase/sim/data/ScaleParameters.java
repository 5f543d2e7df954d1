package org.batonjava.metabase.sim.data;

/**
 * Size of the generated {@code scale} dataset.
 *
 * @param users personal users (≥ 1; user 1 is an administrator)
 * @param groups groups besides All Users and Administrators
 * @param membershipsPerUser groups each user joins (besides All Users)
 * @param databases connected databases
 * @param deactivatedShare share of users deactivated, in [0, 1]
 * @param seed generator seed (same seed → same dataset)
 * @param collections collections besides root (a tree under per-team top-level collections, a few
 *     personal ones)
 * @param apiKeys API keys (one in twenty in Administrators)
 */
public record ScaleParameters(
    int users,
    int groups,
    int membershipsPerUser,
    int databases,
    double deactivatedShare,
    long seed,
    int collections,
    int apiKeys) {

  /** Collections of the default scale dataset. */
  public static final int DEFAULT_COLLECTIONS = 2000;

  /** API keys of the default scale dataset. */
  public static final int DEFAULT_API_KEYS = 100;

  /**
   * 50,000 users, 500 groups, 5 memberships each, 300 databases, 5 % deactivated, 2,000
   * collections, 100 API keys.
   */
  public static final ScaleParameters DEFAULT = new ScaleParameters(50_000, 500, 5, 300, 0.05, 42);

  /** The default number of collections and API keys. */
  public ScaleParameters(
      int users,
      int groups,
      int membershipsPerUser,
      int databases,
      double deactivatedShare,
      long seed) {
    this(
        users,
        groups,
        membershipsPerUser,
        databases,
        deactivatedShare,
        seed,
        DEFAULT_COLLECTIONS,
        DEFAULT_API_KEYS);
  }

  public ScaleParameters {
    if (users < 1
        || groups < 0
        || membershipsPerUser < 0
        || databases < 0
        || collections < 0
        || apiKeys < 0) {
      throw new IllegalArgumentException("scale parameters must be positive (users ≥ 1)");
    }
    if (membershipsPerUser > 0 && groups == 0) {
      throw new IllegalArgumentException("memberships per user needs at least one group");
    }
    if (deactivatedShare < 0 || deactivatedShare > 1) {
      throw new IllegalArgumentException("deactivated share must be between 0 and 1");
    }
  }
}
