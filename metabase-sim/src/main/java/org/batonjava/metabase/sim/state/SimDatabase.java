package org.batonjava.metabase.sim.state;

import java.time.Instant;
import java.util.List;

/**
 * A connected database (a row of {@code metabase_database}) with its tables, used for granular
 * permissions.
 *
 * @param id database id ({@code 13371337} is the audit database)
 * @param name display name
 * @param engine e.g. {@code postgres}, {@code h2}
 * @param description free text or null
 * @param sample {@code is_sample}
 * @param audit {@code is_audit} (excluded from the graph and, by default, from the list)
 * @param createdAt creation time
 * @param tables tables by schema
 */
public record SimDatabase(
    int id,
    String name,
    String engine,
    String description,
    boolean sample,
    boolean audit,
    Instant createdAt,
    List<Table> tables) {
  /** The id of Metabase's internal analytics database. */
  public static final int AUDIT_DB_ID = 13371337;

  public SimDatabase {
    tables = List.copyOf(tables);
  }

  /**
   * A table.
   *
   * @param id table id
   * @param schema schema name ({@code ""} for schema-less engines)
   * @param name table name
   */
  public record Table(int id, String schema, String name) {}
}
