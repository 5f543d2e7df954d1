package org.batonjava.sdk.connector;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.Duration;
import com.google.protobuf.Message;
import com.google.protobuf.Struct;
import com.google.protobuf.Timestamp;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Finding annotations by type gives what {@code Any.is} gives, for any type URL. */
class AnnotationsTest {
  @Test
  void isAgreesWithAnyIsForEveryShapeOfTypeUrl() {
    List<String> urls =
        List.of(
            "type.googleapis.com/google.protobuf.Timestamp",
            "example.com/types/google.protobuf.Timestamp",
            "/google.protobuf.Timestamp",
            "google.protobuf.Timestamp",
            "type.googleapis.com/google.protobuf.Timestamp2",
            "type.googleapis.com/xgoogle.protobuf.Timestamp",
            "type.googleapis.com/google.protobuf.Timestamp/",
            "type.googleapis.com/google.protobuf.Duration",
            "type.googleapis.com/",
            "");
    for (String url : urls) {
      Any any = Any.newBuilder().setTypeUrl(url).setValue(ByteString.EMPTY).build();
      for (Class<? extends Message> type : List.of(Timestamp.class, Duration.class, Struct.class)) {
        assertThat(Annotations.is(any, type)).as(url + " is " + type).isEqualTo(any.is(type));
      }
    }
    assertThat(Annotations.is(Annotations.pack(Timestamp.getDefaultInstance()), Timestamp.class))
        .isTrue();
  }

  @Test
  void hasAndFindLookAtEveryAnnotation() {
    Timestamp at = Timestamp.newBuilder().setSeconds(1_700_000_000L).build();
    List<Any> annotations =
        List.of(Annotations.pack(Struct.getDefaultInstance()), Annotations.pack(at));

    assertThat(Annotations.has(annotations, Timestamp.class)).isTrue();
    assertThat(Annotations.has(annotations, Duration.class)).isFalse();
    assertThat(Annotations.has(List.of(), Timestamp.class)).isFalse();
    assertThat(Annotations.find(annotations, Timestamp.class)).contains(at);
    assertThat(Annotations.find(annotations, Duration.class)).isEmpty();
  }
}
