package org.batonjava.sdk.c1z;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.MessageLite;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Deterministic protobuf encoding (map entries sorted by key), as the Go store writes its blobs.
 */
public final class ProtoBytes {
  private ProtoBytes() {}

  public static byte[] deterministic(MessageLite message) {
    byte[] out = new byte[message.getSerializedSize()];
    CodedOutputStream stream = CodedOutputStream.newInstance(out);
    stream.useDeterministicSerialization();
    try {
      message.writeTo(stream);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    stream.checkNoSpaceLeft();
    return out;
  }
}
