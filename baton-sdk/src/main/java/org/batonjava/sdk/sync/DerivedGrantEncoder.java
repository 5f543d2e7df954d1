package org.batonjava.sdk.sync;

import c1.connector.v2.Entitlement;
import c1.connector.v2.GrantImmutable;
import c1.connector.v2.GrantSources;
import com.google.protobuf.CodedOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.batonjava.sdk.c1z.EncodedGrant;
import org.batonjava.sdk.c1z.ProtoBytes;
import org.batonjava.sdk.connector.Annotations;

/**
 * Encodes the grants one expansion edge creates, byte for byte as the deterministic encoding of
 * {@code Grant{entitlement: destination, principal, id, annotations: [GrantImmutable], sources:
 * {source: {is_direct}}}}: the parts that are the same for every grant of the edge are encoded
 * once, and the principal is copied from the source grant's stored bytes.
 */
final class DerivedGrantEncoder {
  // Field numbers of c1.connector.v2.Grant; the encoding writes them in ascending order, as
  // protobuf's own serializer does.
  private static final int ENTITLEMENT = 1;
  private static final int PRINCIPAL = 2;
  private static final int ID = 3;
  private static final int ANNOTATIONS = 4;
  private static final int SOURCES = 5;
  private static final byte[] IMMUTABLE =
      ProtoBytes.deterministic(Annotations.pack(GrantImmutable.getDefaultInstance()));

  private final String entitlementId;
  private final String resourceType;
  private final String resourceId;
  private final byte[] entitlement;
  private final byte[] directSources;
  private final byte[] indirectSources;

  DerivedGrantEncoder(Entitlement destination, String source) {
    this.entitlementId = destination.getId();
    this.resourceType = destination.getResource().getId().getResourceType();
    this.resourceId = destination.getResource().getId().getResource();
    this.entitlement = ProtoBytes.deterministic(destination);
    this.directSources = sources(source, true);
    this.indirectSources = sources(source, false);
  }

  /** The grant of the destination to the principal whose stored encoding is {@code principal}. */
  EncodedGrant encode(byte[] principal, String principalType, String principalId, boolean direct) {
    String id = entitlementId + ":" + principalType + ":" + principalId;
    byte[] sources = direct ? directSources : indirectSources;
    int size =
        CodedOutputStream.computeByteArraySize(ENTITLEMENT, entitlement)
            + CodedOutputStream.computeByteArraySize(PRINCIPAL, principal)
            + CodedOutputStream.computeStringSize(ID, id)
            + CodedOutputStream.computeByteArraySize(ANNOTATIONS, IMMUTABLE)
            + CodedOutputStream.computeByteArraySize(SOURCES, sources);
    byte[] out = new byte[size];
    CodedOutputStream stream = CodedOutputStream.newInstance(out);
    try {
      stream.writeByteArray(ENTITLEMENT, entitlement);
      stream.writeByteArray(PRINCIPAL, principal);
      stream.writeString(ID, id);
      stream.writeByteArray(ANNOTATIONS, IMMUTABLE);
      stream.writeByteArray(SOURCES, sources);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    stream.checkNoSpaceLeft();
    return new EncodedGrant(
        resourceType, resourceId, entitlementId, principalType, principalId, id, out);
  }

  private static byte[] sources(String source, boolean direct) {
    return ProtoBytes.deterministic(
        GrantSources.newBuilder()
            .putSources(source, GrantSources.GrantSource.newBuilder().setIsDirect(direct).build())
            .build());
  }
}
