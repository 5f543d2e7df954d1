package org.batonjava.sdk.config;

import java.util.List;

/**
 * A rule over several fields. Only "required together" exists today (Go: {@code
 * FieldsRequiredTogether}): when any of the fields is set, all must be.
 *
 * @param fieldNames the related fields, in the order they are named in messages
 */
public record FieldRelation(List<String> fieldNames) {
  public FieldRelation {
    fieldNames = List.copyOf(fieldNames);
    if (fieldNames.size() < 2) {
      throw new IllegalArgumentException("a relation needs at least two fields");
    }
  }

  public static FieldRelation requiredTogether(String... names) {
    return new FieldRelation(List.of(names));
  }
}
