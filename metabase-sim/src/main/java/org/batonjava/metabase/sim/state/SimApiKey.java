package org.batonjava.metabase.sim.state;

import java.time.Instant;

/**
 * An API key. Only a hash of the key is kept; the unmasked key is returned once, on create and
 * regenerate.
 */
public final class SimApiKey {
  private final int id;
  private final int userId;
  private final Instant createdAt;
  private String name;
  private int groupId;
  private String prefix;
  private String keyHash;
  private String maskedKey;
  private Instant updatedAt;
  private int updatedBy;

  SimApiKey(int id, int userId, String name, int groupId, Instant createdAt, int updatedBy) {
    this.id = id;
    this.userId = userId;
    this.name = name;
    this.groupId = groupId;
    this.createdAt = createdAt;
    this.updatedAt = createdAt;
    this.updatedBy = updatedBy;
  }

  public int id() {
    return id;
  }

  public int userId() {
    return userId;
  }

  public String name() {
    return name;
  }

  void name(String name) {
    this.name = name;
  }

  /** The key's group besides All Users (All Users itself if that is its only group). */
  public int groupId() {
    return groupId;
  }

  void groupId(int groupId) {
    this.groupId = groupId;
  }

  public String prefix() {
    return prefix;
  }

  public String keyHash() {
    return keyHash;
  }

  public String maskedKey() {
    return maskedKey;
  }

  void secret(String prefix, String keyHash, String maskedKey) {
    this.prefix = prefix;
    this.keyHash = keyHash;
    this.maskedKey = maskedKey;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public int updatedBy() {
    return updatedBy;
  }

  void touched(Instant at, int by) {
    this.updatedAt = at;
    this.updatedBy = by;
  }
}
