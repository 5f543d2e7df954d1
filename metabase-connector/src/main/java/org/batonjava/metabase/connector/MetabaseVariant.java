package org.batonjava.metabase.connector;

import io.grpc.Status;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.batonjava.sdk.connector.ConnectorException;

/**
 * Which connector this is. The first three are drop-in replacements for ConductorOne's Go
 * connectors (same binary name, display name and description); {@link #AUTO} is new: it reads the
 * server's version and picks the data-permission model itself.
 */
public enum MetabaseVariant {
  /** {@code baton-metabase}: users and groups, any Metabase ≥ 0.49. */
  UNVERSIONED(
      "unversioned", "baton-metabase", "Metabase", "Metabase connector to sync users and groups"),
  /** {@code baton-metabase-v049}: users, groups and databases with the 0.49 data-access model. */
  V049(
      "v049",
      "baton-metabase-v049",
      "Metabase-v049",
      "Metabase connector v049 to sync users, groups and databases"),
  /**
   * {@code baton-metabase-v056}: users, groups and databases with the 0.50+ create-queries model.
   */
  V056(
      "v056",
      "baton-metabase-v056",
      "Metabase-v056",
      "Metabase connector v056 to sync users, groups and databases"),
  /**
   * Users, groups and databases of any Metabase ≥ 0.49, free or paid, with the model the server's
   * version uses.
   */
  AUTO(
      "auto",
      "baton-metabase",
      "Metabase",
      "Metabase connector to sync users, groups and databases, with the permission model of the server's version");

  private final String text;
  private final String binaryName;
  private final String displayName;
  private final String description;

  MetabaseVariant(String text, String binaryName, String displayName, String description) {
    this.text = text;
    this.binaryName = binaryName;
    this.displayName = displayName;
    this.description = description;
  }

  /** Parses {@code unversioned}, {@code v049}, {@code v056} or {@code auto} (case-insensitive). */
  public static MetabaseVariant fromText(String value) {
    String wanted = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    for (MetabaseVariant v : values()) {
      if (v.text.equals(wanted)) {
        return v;
      }
    }
    throw new ConnectorException(
        Status.Code.INVALID_ARGUMENT,
        "unknown Metabase connector variant \""
            + value
            + "\"; use one of "
            + Arrays.stream(values()).map(MetabaseVariant::text).collect(Collectors.joining(", ")));
  }

  /** The name used on the command line and in {@link #fromText}. */
  public String text() {
    return text;
  }

  /** The Go connector's binary name. */
  public String binaryName() {
    return binaryName;
  }

  /** The connector's display name (metadata and config schema). */
  public String displayName() {
    return displayName;
  }

  public String description() {
    return description;
  }

  /** Whether the {@code database} resource type is synced. */
  public boolean syncsDatabases() {
    return this != UNVERSIONED;
  }
}
