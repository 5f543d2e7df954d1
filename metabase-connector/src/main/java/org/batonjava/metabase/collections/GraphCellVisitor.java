package org.batonjava.metabase.collections;

/** Receives the entries of {@code GET /api/collection/graph} one at a time. */
@FunctionalInterface
interface GraphCellVisitor {
  /**
   * @param groupId the group
   * @param collection {@code root} or a collection id
   * @param level {@code read}, {@code write} or {@code none}
   */
  void cell(long groupId, String collection, String level);
}
