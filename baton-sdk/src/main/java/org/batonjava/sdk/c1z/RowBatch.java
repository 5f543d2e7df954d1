package org.batonjava.sdk.c1z;

import java.util.ArrayList;
import java.util.List;

/**
 * Rows for one statement, made on the caller's thread and bound and executed on the writer's (see
 * {@link RowStatements}). A row is its parameters in order: {@code String}, {@code byte[]}, {@code
 * Integer}, {@code Long} or {@code null}. A stamped statement's rows share its sync id and time,
 * which go into its text rather than into each row (see {@link StampedStatement}).
 */
final class RowBatch {
  final RowStatements.Kind kind;
  final String syncId;
  final String discoveredAt;
  final List<Object[]> rows = new ArrayList<>();

  /** A batch for {@code kind}; the sync id and time only for a stamped statement, else null. */
  RowBatch(RowStatements.Kind kind, String syncId, String discoveredAt) {
    this.kind = kind;
    this.syncId = syncId;
    this.discoveredAt = discoveredAt;
  }

  /** Whether a row of {@code kind} for {@code syncId} can join this batch. */
  boolean accepts(RowStatements.Kind kind, String syncId) {
    return this.kind == kind && (!kind.stamped() || this.syncId.equals(syncId));
  }
}
