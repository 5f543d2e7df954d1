package org.batonjava.metabase.sim.state;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Metabase release line the simulator imitates, e.g. {@code 0.49}, {@code 0.56} or the newest
 * line it knows ({@link #NEWEST}). Every version-dependent behaviour of the simulator asks one of
 * the predicates here, so the boundaries live in one place.
 *
 * @param minor the release line (49 for v0.49.x); the edition (v0 free / v1 paid) is a separate
 *     start-up option
 * @param patch the patch number shown in {@code version.tag}
 */
public record MetabaseVersion(int minor, int patch) {

  /** Metabase 0.49: API keys, legacy {@code data:{native,schemas}} permission graph. */
  public static final MetabaseVersion V0_49 = new MetabaseVersion(49, 13);

  /**
   * Metabase 0.56: the {@code view-data}/{@code create-queries} graph, group {@code
   * magic_group_type}.
   */
  public static final MetabaseVersion V0_56 = new MetabaseVersion(56, 10);

  /** The newest line it knows: 0.61 (its API changelog and the 2026 behaviours). */
  public static final MetabaseVersion NEWEST = new MetabaseVersion(61, 2);

  private static final Pattern FORM =
      Pattern.compile("v?([01])\\.(\\d+)(?:\\.(\\d+|x))?(?:\\.\\d+)*");

  public MetabaseVersion {
    if (minor < 49 || minor > 99) {
      throw new IllegalArgumentException(
          "unsupported Metabase version 0." + minor + " (supported: 0.49 and newer)");
    }
    if (patch < 0) {
      throw new IllegalArgumentException("patch must not be negative");
    }
  }

  /**
   * Parses {@code 0.56}, {@code v0.56.3}, {@code v1.56.3} (the edition digit is ignored), {@code
   * 56} or {@code newest}/{@code latest}.
   *
   * @throws IllegalArgumentException with a one-line message when the text is not a version
   */
  public static MetabaseVersion parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("Metabase version is empty");
    }
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.equals("newest") || t.equals("latest")) {
      return NEWEST;
    }
    if (t.matches("\\d+")) {
      return withDefaultPatch(Integer.parseInt(t));
    }
    Matcher m = FORM.matcher(t);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "invalid Metabase version '" + text + "' (expected e.g. 0.49, 0.56, v0.56.3 or newest)");
    }
    int minor = Integer.parseInt(m.group(2));
    String p = m.group(3);
    if (p == null || p.equals("x")) {
      return withDefaultPatch(minor);
    }
    return new MetabaseVersion(minor, Integer.parseInt(p));
  }

  private static MetabaseVersion withDefaultPatch(int minor) {
    if (minor == V0_49.minor) {
      return V0_49;
    }
    if (minor == V0_56.minor) {
      return V0_56;
    }
    if (minor == NEWEST.minor) {
      return NEWEST;
    }
    return new MetabaseVersion(minor, 0);
  }

  /** {@code v0.NN.P} for a free (OSS) build, {@code v1.NN.P} for a paid (EE) build. */
  public String tag(boolean paid) {
    return (paid ? "v1." : "v0.") + minor + "." + patch;
  }

  /** {@code 0.56} style label. */
  public String label() {
    return "0." + minor;
  }

  /**
   * 0.49 keeps the v1 data-permission graph ({@code data:{native,schemas}}); 0.50+ uses
   * view-data/create-queries.
   */
  public boolean legacyPermissionGraph() {
    return minor < 50;
  }

  /** PR #44100: GET /api/user/:id returns deactivated users from 0.51 (404 before). */
  public boolean getUserReturnsDeactivated() {
    return minor >= 51;
  }

  /** Group objects carry {@code entity_id} (≈0.51+) and group members the extended field set. */
  public boolean extendedGroupFields() {
    return minor >= 51;
  }

  /** {@code magic_group_type} on groups (PR #56881, ≈0.55+). */
  public boolean magicGroupType() {
    return minor >= 55;
  }

  /** {@code force} query parameter on PUT /api/permissions/graph (≈0.55+). */
  public boolean graphForceParam() {
    return minor >= 55;
  }

  /** {@code tenant_id} on users and {@code is_tenant_group} on groups (≈0.56+). */
  public boolean tenantFields() {
    return minor >= 56;
  }

  /** {@code transforms} key in the v2 graph (≈0.57+). */
  public boolean transformsKey() {
    return minor >= 57;
  }

  /**
   * Issue #66599: up to ≈0.58 deactivating an unknown, API-key or already inactive user gives 500;
   * newer versions answer 404 for unknown ids and 200 for a repeat.
   */
  public boolean strictDeactivate() {
    return minor >= 59;
  }

  /**
   * Newest-line behaviours: member {@code type}, {@code is_data_analyst}, 404 for API-key users on
   * /api/user/:id.
   */
  public boolean newestLine() {
    return minor >= NEWEST.minor;
  }

  /** Spelling of the group-manager refusal for superusers. */
  public String adminManagerMessage() {
    return newestLine() ? "Admin cannot be a group manager." : "Admin cant be a group manager.";
  }

  @Override
  public String toString() {
    return "0." + minor + "." + patch;
  }
}
