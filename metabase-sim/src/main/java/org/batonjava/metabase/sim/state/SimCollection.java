package org.batonjava.metabase.sim.state;

import java.time.Instant;

/**
 * A collection row. {@code location} is the ancestor path ({@code "/"} at the top level, {@code
 * "/12/34/"} for a child of 34 which is a child of 12); a non-null {@code personalOwnerId} makes it
 * a personal collection.
 */
public final class SimCollection {
  /** {@code type} of the paid Usage-analytics collection. */
  public static final String INSTANCE_ANALYTICS = "instance-analytics";

  /** {@code type} of the Trash collection (0.50+). */
  public static final String TRASH = "trash";

  private final int id;
  private final String location;
  private final Integer personalOwnerId;
  private final String type;
  private final String namespace;
  private final String entityId;
  private final Instant createdAt;
  private final String name;
  private final String description;
  private final boolean archived;

  /**
   * @param type null (regular), {@link #INSTANCE_ANALYTICS} or {@link #TRASH}
   * @param namespace null (normal content) or e.g. {@code analytics}
   */
  public SimCollection(
      int id,
      String name,
      String description,
      String location,
      Integer personalOwnerId,
      boolean archived,
      String type,
      String namespace,
      String entityId,
      Instant createdAt) {
    this.id = id;
    this.name = name;
    this.description = description;
    this.location = location;
    this.personalOwnerId = personalOwnerId;
    this.archived = archived;
    this.type = type;
    this.namespace = namespace;
    this.entityId = entityId;
    this.createdAt = createdAt;
  }

  public int id() {
    return id;
  }

  public String name() {
    return name;
  }

  public String description() {
    return description;
  }

  public String location() {
    return location;
  }

  public Integer personalOwnerId() {
    return personalOwnerId;
  }

  public boolean archived() {
    return archived;
  }

  public String type() {
    return type;
  }

  public String namespace() {
    return namespace;
  }

  public String entityId() {
    return entityId;
  }

  public Instant createdAt() {
    return createdAt;
  }

  /** The parent's id, or null at the top level. */
  public Integer parentId() {
    String[] parts = location.split("/", -1);
    for (int i = parts.length - 1; i >= 0; i--) {
      if (!parts[i].isEmpty()) {
        return Integer.parseInt(parts[i]);
      }
    }
    return null;
  }

  /** The top-level ancestor's id, or null for a top-level collection. */
  public Integer topAncestorId() {
    for (String part : location.split("/", -1)) {
      if (!part.isEmpty()) {
        return Integer.parseInt(part);
      }
    }
    return null;
  }

  public boolean analytics() {
    return INSTANCE_ANALYTICS.equals(type);
  }

  public boolean trash() {
    return TRASH.equals(type);
  }
}
