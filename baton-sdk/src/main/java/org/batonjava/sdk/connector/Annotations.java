package org.batonjava.sdk.connector;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import java.util.List;
import java.util.Optional;
import org.batonjava.sdk.c1z.ProtoBytes;

/** Packing and finding annotations ({@code google.protobuf.Any} lists on Baton messages). */
public final class Annotations {
  private static final String PREFIX = "type.googleapis.com/";

  private Annotations() {}

  /** Packs {@code message} deterministically (map keys sorted), so equal content gives equal bytes. */
  public static Any pack(Message message) {
    return Any.newBuilder()
        .setTypeUrl(PREFIX + message.getDescriptorForType().getFullName())
        .setValue(com.google.protobuf.ByteString.copyFrom(ProtoBytes.deterministic(message)))
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
              io.grpc.Status.Code.INVALID_ARGUMENT, "malformed " + type.getSimpleName() + " annotation", e);
        }
      }
    }
    return Optional.empty();
  }

  public static boolean has(List<Any> annotations, Class<? extends Message> type) {
    return annotations.stream().anyMatch(a -> a.is(type));
  }
}
