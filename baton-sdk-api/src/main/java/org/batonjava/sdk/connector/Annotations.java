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

  /**
   * Each message class's full name. {@code Any.is} finds it by reflection on every call (about 1 µs
   * on the quick compiler), and a sync asks several times per resource.
   */
  private static final ClassValue<String> FULL_NAMES =
      new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
          return com.google.protobuf.Internal.getDefaultInstance(type.asSubclass(Message.class))
              .getDescriptorForType()
              .getFullName();
        }
      };

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
      if (is(any, type)) {
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
    for (Any a : annotations) {
      if (is(a, type)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code any} holds a {@code type}: {@code Any.is} without its reflection, by the same
   * rule (the type URL's part after its last {@code /} is the message's full name).
   */
  public static boolean is(Any any, Class<? extends Message> type) {
    String url = any.getTypeUrl();
    String name = FULL_NAMES.get(type);
    int slash = url.lastIndexOf('/');
    return slash >= 0
        && url.length() - slash - 1 == name.length()
        && url.startsWith(name, slash + 1);
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
