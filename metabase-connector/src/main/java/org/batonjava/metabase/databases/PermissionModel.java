package org.batonjava.metabase.databases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.batonjava.metabase.server.ServerProfile;
import org.batonjava.metabase.server.ServerVersion;

/**
 * How one Metabase line expresses data permissions: which database entitlements a group's graph
 * entry gives (sync), and which keys to write to grant or revoke one (provisioning).
 */
public interface PermissionModel {
  /** A short name for logs. */
  String name();

  /** The database entitlements, in the order they are listed. */
  List<DatabasePermission> permissions();

  /** The entitlement with this slug, if the model has it. */
  default Optional<DatabasePermission> permission(String slug) {
    return permissions().stream().filter(p -> p.slug().equals(slug)).findFirst();
  }

  /**
   * What a group holds on a database, given its entry of the permission graph; empty when nothing
   * qualifies at database level (including granular per-schema or per-table values).
   */
  List<DatabasePermission> granted(long groupId, long databaseId, JsonNode permissions);

  /**
   * The keys of the group's entry to write so that it holds {@code permission} (a partial entry:
   * Metabase leaves keys that are not sent as they are); empty when it holds it already, or a
   * higher level that includes it. Never a paid-only value.
   *
   * @throws org.batonjava.sdk.connector.ConnectorException {@code FAILED_PRECONDITION} when
   *     granting would silently widen a restriction Metabase cannot keep together with it
   */
  Optional<ObjectNode> grant(
      DatabasePermission permission, long groupId, long databaseId, JsonNode current);

  /**
   * The keys to write so that the group no longer holds {@code permission}; empty when it does not
   * hold it.
   */
  Optional<ObjectNode> revoke(
      DatabasePermission permission, long groupId, long databaseId, JsonNode current);

  /**
   * Whether a graph entry is in this model's shape, judged by the keys only the other model has
   * ({@code data} in 0.49; {@code view-data}/{@code create-queries} from 0.50). An entry with
   * neither (or empty) fits both.
   */
  boolean fits(JsonNode entry);

  /** The 0.49 data-access model for 0.49, the create-queries model for 0.50 and newer. */
  static PermissionModel forVersion(ServerVersion version) {
    return forLine(version.minor());
  }

  /**
   * The model of the release line the server profile fixes; empty when it fixes none (the
   * unversioned variant).
   */
  static Optional<PermissionModel> of(ServerProfile profile) {
    return profile.releaseLine().isPresent()
        ? Optional.of(forLine(profile.releaseLine().getAsInt()))
        : Optional.empty();
  }

  /** The name of the model of a release line, for logs. */
  static String nameOfLine(int minor) {
    return forLine(minor).name();
  }

  /** The model of a release line (49 for 0.49 and 1.49): see {@link #forVersion}. */
  static PermissionModel forLine(int minor) {
    return minor <= 49 ? new LegacyDataPermissions() : new CreateQueriesPermissions();
  }
}
