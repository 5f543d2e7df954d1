package org.batonjava.sdk.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import java.io.IOException;
import java.io.StringWriter;

/**
 * Prints a protobuf message the way the Go SDK's subcommands do: protojson (camelCase names, enum
 * names, int64 as strings, defaults left out), indented by two spaces, {@code "key": value}, empty
 * objects and arrays as {@code {}} and {@code []}, no trailing newline.
 *
 * <p>The protojson text is re-indented token by token with Jackson's streaming parser and generator
 * (no object mapper): {@code capabilities} and {@code config} are start-up paths, and the streaming
 * classes are a small fraction of the data-binding ones.
 */
final class ProtoJsonPrinter {
  private static final JsonFactory JSON = new JsonFactory();

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
      return reindent(printer.print(message));
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException(
          "cannot print " + message.getDescriptorForType().getFullName() + " as JSON", e);
    }
  }

  /** {@code json} with two-space indentation, {@code "key": value}, and {@code {}}/{@code []}. */
  static String reindent(String json) {
    StringWriter out = new StringWriter();
    try (JsonParser parser = JSON.createParser(json);
        JsonGenerator generator = JSON.createGenerator(out)) {
      generator.setPrettyPrinter(twoSpaces());
      while (parser.nextToken() != null) {
        generator.copyCurrentStructure(parser);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot re-indent JSON", e);
    }
    return out.toString();
  }

  private static DefaultPrettyPrinter twoSpaces() {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    Separators separators =
        Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator("");
    return new DefaultPrettyPrinter(separators)
        .withObjectIndenter(indenter)
        .withArrayIndenter(indenter);
  }
}
