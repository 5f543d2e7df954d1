package org.batonjava.metabase.sim.collections;

import org.batonjava.metabase.sim.state.MetabaseVersion;

/**
 * How the collection endpoints of one Metabase line behave (the version boundaries in one place).
 *
 * @param version the imitated line
 * @param paid a paid build (has the Usage-analytics collection)
 */
public record CollectionFeatures(MetabaseVersion version, boolean paid) {

  /**
   * From 0.56.13 the graph lists only read/write entries (absent = none); before, every group x
   * collection.
   */
  public boolean sparseGraph() {
    return version.minor() > 56 || (version.minor() == 56 && version.patch() >= 13);
  }

  /** The dense graph of 0.49 also lists archived collections; later ones leave them out. */
  public boolean graphListsArchived() {
    return version.minor() < 50;
  }

  /** The Trash collection ({@code type: "trash"}) exists from 0.50. */
  public boolean hasTrash() {
    return version.minor() >= 50;
  }

  /** Creating a collection bumps the collection-graph revision (≈0.55 on). */
  public boolean creationBumpsRevision() {
    return version.minor() >= 55;
  }

  /** {@code skip_graph=true} on the graph PUT (a late 0.50.x backport on). */
  public boolean skipGraphSnakeCase() {
    return version.minor() >= 50;
  }

  /** {@code skip-graph=true} on the graph PUT (≈0.52 on). */
  public boolean skipGraphKebabCase() {
    return version.minor() >= 52;
  }

  /** {@code force=true} on the graph PUT (≈0.52 on). */
  public boolean force() {
    return version.minor() >= 52;
  }

  /** Listing items carry {@code is_personal} and {@code parent_id} (newest line). */
  public boolean newestFields() {
    return version.newestLine();
  }
}
