package org.batonjava.sdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import c1.config.v1.Configuration;
import c1.connector.v2.Capability;
import c1.connector.v2.ConnectorCapabilities;
import c1.connector.v2.ResourceType;
import c1.connector.v2.ResourceTypeCapability;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Any;
import com.google.protobuf.ListValue;
import com.google.protobuf.Message;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.protobuf.util.JsonFormat;
import java.util.List;
import org.batonjava.sdk.config.ConfigField;
import org.batonjava.sdk.connector.GoSdkShape;
import org.junit.jupiter.api.Test;

/** The Go SDK's JSON layout for {@code capabilities} and {@code config}. */
class ProtoJsonPrinterTest {
  @Test
  void twoSpacesColonSpaceEmptyContainersAndNoFinalNewline() {
    String json =
        "{\"a\":{},\"b\":[],\"c\":[1,\"x\",{\"d\":true}],\"e\":null,\"f\":1.5,"
            + "\"g\":\"\\u003ctag\\u003e \\u0027q\\u0027 \\u0026\"}";
    assertThat(ProtoJsonPrinter.reindent(json))
        .isEqualTo(
            """
            {
              "a": {},
              "b": [],
              "c": [
                1,
                "x",
                {
                  "d": true
                }
              ],
              "e": null,
              "f": 1.5,
              "g": "<tag> 'q' &"
            }""");
  }

  @Test
  void printsAMessageInTheGoLayout() {
    Struct message =
        Struct.newBuilder()
            .putFields("list", Value.newBuilder().setListValue(ListValue.newBuilder()).build())
            .putFields("none", Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build())
            .putFields("name", Value.newBuilder().setStringValue("a=b").build())
            .build();
    assertThat(ProtoJsonPrinter.print(message))
        .isEqualTo(
            """
            {
              "list": [],
              "none": null,
              "name": "a=b"
            }""");
  }

  /**
   * The streaming re-indentation writes exactly what the object-mapper version wrote (read the
   * protojson into a tree, print it with the same pretty printer), for a real {@code config} schema
   * and a {@code capabilities} document.
   */
  @Test
  void sameTextAsTheObjectMapperVersion() throws Exception {
    Configuration config =
        new ConfigSchema("X <&> 'q'", "/docs?a=b", "/icon.svg")
            .build(
                DefaultFields.fields(),
                List.of(
                    ConfigField.integer("page-size")
                        .required()
                        .range(1, 500)
                        .defaultValue(50)
                        .build(),
                    ConfigField.stringList("regions").defaultValue("eu,us").build(),
                    ConfigField.string("name").description("tab\t \"quoted\" é").build()),
                List.of(),
                GoSdkShape.V0_25_0);
    assertThat(ProtoJsonPrinter.print(config)).isEqualTo(objectMapperVersion(config, false));
    ConnectorCapabilities caps =
        ConnectorCapabilities.newBuilder()
            .addResourceTypeCapabilities(
                ResourceTypeCapability.newBuilder()
                    .setResourceType(
                        ResourceType.newBuilder()
                            .setId("user")
                            .setDisplayName("User")
                            .addTraits(ResourceType.Trait.TRAIT_USER))
                    .addCapabilities(Capability.CAPABILITY_SYNC)
                    .addCapabilities(Capability.CAPABILITY_PROVISION))
            .addConnectorCapabilities(Capability.CAPABILITY_SYNC)
            .build();
    assertThat(ProtoJsonPrinter.printAsAny(caps)).isEqualTo(objectMapperVersion(caps, true));
  }

  /** The printer as it was before it streamed: a Jackson tree, printed with the same layout. */
  private static String objectMapperVersion(Message message, boolean asAny) throws Exception {
    String protojson =
        asAny
            ? JsonFormat.printer()
                .usingTypeRegistry(
                    JsonFormat.TypeRegistry.newBuilder()
                        .add(message.getDescriptorForType())
                        .build())
                .print(Any.pack(message))
            : JsonFormat.printer().print(message);
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    Separators separators =
        Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator("");
    DefaultPrettyPrinter twoSpaces =
        new DefaultPrettyPrinter(separators)
            .withObjectIndenter(indenter)
            .withArrayIndenter(indenter);
    ObjectMapper json = new ObjectMapper();
    return json.writer(twoSpaces).writeValueAsString(json.readTree(protojson));
  }
}
