package org.batonjava.metabase.databases;

/**
 * One database entitlement: its slug ({@code database:<id>:<slug>}) and the label its display name
 * and description are made of.
 *
 * @param slug e.g. {@code access} or {@code query-builder}
 * @param label e.g. {@code Access} or {@code Query Builder}
 */
public record DatabasePermission(String slug, String label) {
  /** {@code <DB Name> <Label>}. */
  public String displayName(String databaseName) {
    return databaseName + " " + label;
  }

  /** {@code Grants <Label> permission on the <DB Name> database}. */
  public String description(String databaseName) {
    return "Grants " + label + " permission on the " + databaseName + " database";
  }
}
