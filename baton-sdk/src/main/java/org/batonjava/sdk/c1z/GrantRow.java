package org.batonjava.sdk.c1z;

import c1.connector.v2.Grant;
import c1.connector.v2.GrantExpandable;
import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.Optional;

/**
 * How a grant is stored: the {@code GrantExpandable} annotation is taken out of the blob and kept
 * in the {@code expansion} column when it names at least one non-blank entitlement id.
 */
record GrantRow(Grant stripped, Optional<GrantExpandable> expansion) {
  static final String EXPANDABLE_TYPE_URL =
      "type.googleapis.com/" + GrantExpandable.getDescriptor().getFullName();

  static GrantRow of(Grant grant) {
    GrantExpandable found = null;
    Grant.Builder stripped = null;
    for (int i = grant.getAnnotationsCount() - 1; i >= 0; i--) {
      Any annotation = grant.getAnnotations(i);
      if (!annotation.getTypeUrl().equals(EXPANDABLE_TYPE_URL)) {
        continue;
      }
      if (stripped == null) {
        stripped = grant.toBuilder();
      }
      stripped.removeAnnotations(i);
      try {
        // Walking backwards, the last assignment is the first annotation, which wins.
        found = annotation.unpack(GrantExpandable.class);
      } catch (InvalidProtocolBufferException e) {
        throw new C1zException(
            "grant " + grant.getId() + " has a malformed GrantExpandable annotation", e);
      }
    }
    if (stripped == null) {
      return new GrantRow(grant, Optional.empty());
    }
    boolean usable =
        found != null && found.getEntitlementIdsList().stream().anyMatch(id -> !id.isBlank());
    return new GrantRow(stripped.build(), usable ? Optional.of(found) : Optional.empty());
  }

  /** The grant as a reader that asks for expansion data sees it: the annotation put back. */
  static Grant withExpansion(Grant stored, GrantExpandable expansion) {
    return stored.toBuilder().addAnnotations(Any.pack(expansion)).build();
  }
}
