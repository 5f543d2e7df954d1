package org.batonjava.sdk.sync;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The operations of the sync state machine, with the names baton-sdk writes into sync tokens. */
public enum Operation {
  INIT("init"),
  LIST_RESOURCE_TYPES("list-resource-types"),
  LIST_RESOURCES("list-resources"),
  LIST_ENTITLEMENTS("list-entitlements"),
  LIST_GRANTS("list-grants"),
  GRANT_EXPANSION("grant-expansion");

  private final String wireName;

  Operation(String wireName) {
    this.wireName = wireName;
  }

  @JsonValue
  public String wireName() {
    return wireName;
  }

  @JsonCreator
  public static Operation fromWireName(String name) {
    for (Operation op : values()) {
      if (op.wireName.equals(name)) {
        return op;
      }
    }
    throw new IllegalArgumentException("unknown sync operation " + name);
  }
}
