package org.batonjava.sdk.sync;

import c1.connector.v2.GrantSources;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import java.io.IOException;

/**
 * The two fields of a stored grant that expansion needs, read from its encoding without parsing the
 * rest (the entitlement and its resource are most of the bytes): the principal, still encoded, and
 * the sources.
 */
final class StoredGrantFields {
  private static final int PRINCIPAL = 2;
  private static final int SOURCES = 5;
  private static final byte[] EMPTY = new byte[0];

  private final byte[] principal;
  private final GrantSources sources;

  private StoredGrantFields(byte[] principal, GrantSources sources) {
    this.principal = principal;
    this.sources = sources;
  }

  static StoredGrantFields read(byte[] grant) {
    CodedInputStream in = CodedInputStream.newInstance(grant);
    byte[] principal = EMPTY;
    GrantSources.Builder sources = null;
    try {
      for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
        int field = WireFormat.getTagFieldNumber(tag);
        boolean delimited = WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED;
        if (field == PRINCIPAL && delimited) {
          principal = in.readByteArray();
        } else if (field == SOURCES && delimited) {
          if (sources == null) {
            sources = GrantSources.newBuilder();
          }
          sources.mergeFrom(in.readByteArray());
        } else if (!in.skipField(tag)) {
          break;
        }
      }
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("grant expansion: a stored grant is corrupt", e);
    } catch (IOException e) {
      throw new IllegalStateException("grant expansion: a stored grant could not be read", e);
    }
    return new StoredGrantFields(
        principal, sources == null ? GrantSources.getDefaultInstance() : sources.build());
  }

  /** The principal as stored: the encoding of a {@code Resource} message. */
  byte[] principal() {
    return principal;
  }

  /** A grant is direct for {@code source} when it has no sources or names {@code source} itself. */
  boolean isDirectFor(String source) {
    return sources.getSourcesCount() == 0 || sources.containsSources(source);
  }
}
