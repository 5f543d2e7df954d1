package org.batonjava.sdk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;

/**
 * Prints a protobuf message the way the Go SDK's subcommands do: protojson (camelCase names, enum
 * names, int64 as strings, defaults left out), indented by two spaces, {@code "key": value}, empty
 * objects and arrays as {@code {}} and {@code []}, no trailing newline.
 */
final class ProtoJsonPrinter {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DefaultPrettyPrinter TWO_SPACES;

  static {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    Separators separators =
        Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator("");
    TWO_SPACES =
        new DefaultPrettyPrinter(separators)
            .withObjectIndenter(indenter)
            .withArrayIndenter(indenter);
  }

  private ProtoJsonPrinter() {}

  /** {@code message} packed in an {@code Any}: {@code "@type"} first, then its fields. */
  static String printAsAny(Message message) {
    JsonFormat.TypeRegistry registry =
        JsonFormat.TypeRegistry.newBuilder().add(message.getDescriptorForType()).build();
    return print(Any.pack(message), JsonFormat.printer().usingTypeRegistry(registry));
  }

  static String print(Message message) {
    return print(message, JsonFormat.printer());
  }

  private static String print(Message message, JsonFormat.Printer printer) {
    try {
      JsonNode tree = JSON.readTree(printer.print(message));
      return JSON.writer(TWO_SPACES).writeValueAsString(tree);
    } catch (InvalidProtocolBufferException | JsonProcessingException e) {
      throw new IllegalStateException(
          "cannot print " + message.getDescriptorForType().getFullName() + " as JSON", e);
    }
  }
}
