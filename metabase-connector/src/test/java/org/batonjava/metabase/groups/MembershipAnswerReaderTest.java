package org.batonjava.metabase.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MembershipAnswerReaderTest {
  /**
   * Configured as the connector's own mapper, which binds the rows of answers the reader declines.
   */
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();

  /** One row as the visitor sees it. */
  private record Visit(long userId, GroupMembership row) {}

  @Test
  void readsWhatDataBindingReadsOnRandomPlainAnswers() throws IOException {
    Random random = new Random(21);
    for (int n = 0; n < 2_000; n++) {
      List<String> keys = new ArrayList<>();
      List<Visit> expected = new ArrayList<>();
      int users = random.nextInt(5);
      for (int u = 0; u < users; u++) {
        long userId = 1L + random.nextInt(1_000);
        List<String> rows = new ArrayList<>();
        int count = random.nextInt(4);
        for (int r = 0; r < count; r++) {
          String row = row(random, false);
          rows.add(row);
          expected.add(new Visit(userId, general(row)));
        }
        keys.add("\"" + userId + "\": [" + String.join(", ", rows) + "]");
      }
      String answer = "{" + String.join(", ", keys) + "}";
      assertThat(fast(answer)).as(answer).contains(expected);
    }
  }

  @Test
  void declinesUnusualRowsAndReadsTheRestAsDataBinding() throws IOException {
    Random random = new Random(22);
    int declined = 0;
    for (int n = 0; n < 4_000; n++) {
      String row = row(random, true);
      GroupMembership fast = fastRow(row);
      if (fast == null) {
        declined++;
      } else {
        assertThat(fast).as(row).isEqualTo(general(row));
      }
    }
    assertThat(declined).isBetween(200, 2_000);
  }

  @Test
  void declinesEveryShapeTheChecksOrCoercionsDecide() {
    for (String answer :
        List.of(
            "",
            "[]",
            "null",
            "{\"12\": null}",
            "{\"12\": {\"group_id\": 3}}",
            "{\"12\": [1]}",
            "{\"12\": [null]}",
            "{\"x\": []}",
            "{\"12\": [{\"group_id\": \"3\"}]}",
            "{\"12\": [{\"group_id\": 3.0}]}",
            "{\"12\": [{\"group_id\": null}]}",
            "{\"12\": [{\"membership_id\": 5}]}",
            "{\"12\": [{\"group_id\": 99999999999999999999}]}",
            "{\"12\": [{\"group_id\": 3, \"membership_id\": \"5\"}]}",
            "{\"12\": [{\"group_id\": 3, \"user_id\": 1.5}]}",
            "{\"12\": [{\"group_id\": 3, \"is_group_manager\": \"true\"}]}",
            "{\"12\": [{\"group_id\": 3, \"is_group_manager\": 1}]}",
            "{\"12\": [{\"group_id\": 3}]",
            "{\"12\": [{\"group_id\": 3,}]}")) {
      assertThat(fast(answer)).as(answer).isEmpty();
    }
  }

  @Test
  void declinesARepeatedFieldWhichDataBindingFailsAndSkipsUnknownOnes() throws IOException {
    // Once all four are read, data binding has made the row and fails on a fifth; before that, the
    // last of a repeated field wins. The reader leaves both to it.
    String late =
        "{\"membership_id\": 1, \"group_id\": 1, \"user_id\": 3, \"is_group_manager\": false,"
            + " \"group_id\": 2}";
    assertThatThrownBy(() -> general(late)).isInstanceOf(JsonMappingException.class);
    assertThat(fastRow(late)).isNull();
    assertThat(fastRow("{\"group_id\": 1, \"group_id\": 2}")).isNull();
    String row =
        "{\"group_id\": 2, \"is_group_manager\": null, \"extra\": {\"group_id\": \"nested\","
            + " \"list\": [1, {}]}, \"extra\": 5, \"membership_id\": 9}";
    GroupMembership read = fastRow(row);
    assertThat(read).isEqualTo(general(row));
    assertThat(read).isEqualTo(new GroupMembership(9L, 2, null, null));
  }

  /** The general way: data binding of the row. */
  private static GroupMembership general(String row) throws IOException {
    return JSON.readValue(row, GroupMembership.class);
  }

  /** Every visit of a whole answer, or empty when the reader declines it (or it does not parse). */
  private static Optional<List<Visit>> fast(String answer) {
    List<Visit> visits = new ArrayList<>();
    try (JsonParser parser = JSON.createParser(answer.getBytes(StandardCharsets.UTF_8))) {
      boolean read =
          MembershipAnswerReader.read(parser, (userId, row) -> visits.add(new Visit(userId, row)));
      return read ? Optional.of(visits) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static GroupMembership fastRow(String row) throws IOException {
    try (JsonParser parser = JSON.createParser(row.getBytes(StandardCharsets.UTF_8))) {
      assertThat(parser.nextToken()).isEqualTo(JsonToken.START_OBJECT);
      return MembershipAnswerReader.row(parser);
    }
  }

  /** A random row; {@code odd}: now and then a value of another type than usual, or no group. */
  private static String row(Random random, boolean odd) {
    List<String> fields = new ArrayList<>();
    if (!odd || random.nextInt(40) != 0) {
      fields.add(
          "\"group_id\": " + (odd && random.nextInt(30) == 0 ? "\"7\"" : random.nextInt(600)));
    }
    for (String id : List.of("membership_id", "user_id")) {
      int pick = random.nextInt(8);
      if (pick == 0) {
        continue;
      }
      String value =
          pick == 1
              ? "null"
              : odd && pick == 2 && random.nextInt(8) == 0
                  ? (random.nextBoolean() ? "\"12\"" : "12.0")
                  : Long.toString(random.nextInt(3) == 0 ? 5_000_000_000L + n(random) : n(random));
      fields.add("\"" + id + "\": " + value);
    }
    int pick = random.nextInt(6);
    if (pick > 0) {
      fields.add(
          "\"is_group_manager\": "
              + (pick == 1
                  ? "null"
                  : odd && pick == 2 && random.nextInt(6) == 0
                      ? (random.nextBoolean() ? "\"false\"" : "0")
                      : Boolean.toString(random.nextBoolean())));
    }
    if (random.nextInt(5) == 0) {
      fields.add("\"note\": {\"group_id\": [1, \"x\", null]}");
    }
    if (odd && random.nextInt(20) == 0 && !fields.isEmpty()) {
      fields.add(fields.get(0));
    }
    Collections.shuffle(fields, random);
    return "{" + String.join(", ", fields) + "}";
  }

  private static long n(Random random) {
    return random.nextInt(1_000_000);
  }
}
