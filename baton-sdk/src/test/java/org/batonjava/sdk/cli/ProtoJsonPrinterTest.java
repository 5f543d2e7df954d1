package org.batonjava.sdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
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
}
