package org.batonjava.sdk.connector;

import com.google.protobuf.Any;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/** Packing and finding annotations ({@code google.protobuf.Any} lists on Baton messages). */
public final class Annotations {
  private static final String PREFIX = "type.googleapis.com/";

  private Annotations() {}

  /**
   * Packs {@code message} deterministically (map keys sorted), so equal content gives equal bytes.
   */
  public static Any pack(Message message) {
    return Any.newBuilder()
        .setTypeUrl(PREFIX + message.getDescriptorForType().getFullName())
        .setValue(com.google.protobuf.ByteString.copyFrom(deterministic(message)))
        .build();
  }

  /** The first annotation of type {@code type}, unpacked. */
  public static <T extends Message> Optional<T> find(List<Any> annotations, Class<T> type) {
    for (Any any : annotations) {
      if (any.is(type)) {
        try {
          return Optional.of(any.unpack(type));
        } catch (InvalidProtocolBufferException e) {
          throw new ConnectorException(
              io.grpc.Status.Code.INVALID_ARGUMENT,
              "malformed " + type.getSimpleName() + " annotation",
              e);
        }
      }
    }
    return Optional.empty();
  }

  public static boolean has(List<Any> annotations, Class<? extends Message> type) {
    return annotations.stream().anyMatch(a -> a.is(type));
  }

  /**
   * The message's bytes with map entries sorted by key (the same encoding the c1z store writes).
   */
  private static byte[] deterministic(Message message) {
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
