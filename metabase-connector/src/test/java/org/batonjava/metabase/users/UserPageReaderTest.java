package org.batonjava.metabase.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UserPageReaderTest {
  /** Configured as the connector's own mapper, which reads the pages the reader declines. */
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();

  @Test
  void readsWhatDataBindingReadsOnRandomPlainPages() throws IOException {
    Random random = new Random(14);
    int read = 0;
    for (int n = 0; n < 2_000; n++) {
      String page = page(random, false);
      Optional<UserPage> fast = fast(page);
      if (fast.isPresent()) {
        read++;
        assertThat(fast.get()).as(page).isEqualTo(general(page));
      }
    }
    assertThat(read).isGreaterThan(1_900);
  }

  @Test
  void declinesWhatItDoesNotReadAndReadsTheRestAsDataBinding() throws IOException {
    Random random = new Random(15);
    int declined = 0;
    for (int n = 0; n < 2_000; n++) {
      String page = page(random, true);
      Optional<UserPage> fast = fast(page);
      if (fast.isEmpty()) {
        declined++;
      } else {
        assertThat(fast.get()).as(page).isEqualTo(general(page));
      }
    }
    assertThat(declined).isBetween(200, 1_900);
  }

  @Test
  void declinesEveryShapeTheChecksOrCoercionsDecide() throws IOException {
    for (String page :
        List.of(
            "",
            "[]",
            "null",
            "{\"total\": 1}",
            "{\"data\": null, \"total\": 0}",
            "{\"data\": [], \"total\": \"3\"}",
            "{\"data\": [], \"total\": 3.0}",
            "{\"data\": []}",
            "{\"data\": [1], \"total\": 1}",
            "{\"data\": [{\"email\": \"a@b.c\"}], \"total\": 1}",
            "{\"data\": [{\"id\": \"7\"}], \"total\": 1}",
            "{\"data\": [{\"id\": 7.5}], \"total\": 1}",
            "{\"data\": [{\"id\": 99999999999999999999}], \"total\": 1}",
            "{\"data\": [{\"id\": 7, \"email\": 5}], \"total\": 1}",
            "{\"data\": [{\"id\": 7, \"is_active\": \"true\"}], \"total\": 1}",
            "{\"data\": [{\"id\": 7, \"tenant_id\": \"2\"}], \"total\": 1}",
            "{\"data\": [], \"total\": 1, \"limit\": \"50\"}",
            "{\"data\": [], \"total\": 1, \"data\": null}",
            "{\"data\": [{\"id\": 7}], \"total\": 1",
            "{\"data\": [{\"id\": 7,}], \"total\": 1}")) {
      assertThat(fast(page)).as(page).isEmpty();
    }
  }

  @Test
  void keepsTheLastOfARepeatedFieldAndOnlyAttributeNames() throws IOException {
    String page =
        "{\"total\": 9, \"data\": [{\"id\": 1, \"email\": \"x@y.z\", \"id\": 2, \"email\": null,"
            + " \"login_attributes\": {\"region\": \"eu\", \"b\": {\"deep\": [1, {}]}, \"a\": null},"
            + " \"extra\": {\"id\": \"nested\"}}], \"limit\": null, \"offset\": 100}";
    UserPage read = fast(page).orElseThrow();
    assertThat(read).isEqualTo(general(page));
    assertThat(read.data().get(0).id()).isEqualTo(2);
    assertThat(read.data().get(0).email()).isNull();
    assertThat(read.data().get(0).attributeNames()).containsExactly("a", "b", "region");
    assertThat(read.offset()).isEqualTo(100);
  }

  /** The general way: a tree (a repeated field keeps its last value), then data binding. */
  private static UserPage general(String page) throws IOException {
    return JSON.treeToValue(JSON.readTree(page), UserPage.class);
  }

  private static Optional<UserPage> fast(String page) {
    try (JsonParser parser = JSON.createParser(page.getBytes(StandardCharsets.UTF_8))) {
      return UserPageReader.read(parser);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** A page of random users; {@code odd}: now and then a value of another type than usual. */
  private static String page(Random random, boolean odd) {
    List<String> users = new ArrayList<>();
    int count = random.nextInt(6);
    for (int i = 0; i < count; i++) {
      users.add(user(random, odd));
    }
    List<String> fields = new ArrayList<>();
    fields.add("\"data\": [" + String.join(", ", users) + "]");
    fields.add("\"total\": " + (odd && random.nextInt(20) == 0 ? "\"5\"" : random.nextInt(1000)));
    if (random.nextBoolean()) {
      fields.add("\"limit\": " + (random.nextBoolean() ? "null" : random.nextInt(200)));
    }
    if (random.nextBoolean()) {
      fields.add("\"offset\": " + random.nextInt(5000));
    }
    if (random.nextInt(4) == 0) {
      fields.add("\"sort\": {\"by\": [\"last_name\", null, 1.5]}");
    }
    java.util.Collections.shuffle(fields, random);
    return "{" + String.join(", ", fields) + "}";
  }

  private static String user(Random random, boolean odd) {
    List<String> fields = new ArrayList<>();
    if (random.nextInt(50) != 0 || !odd) {
      fields.add(
          "\"id\": " + (odd && random.nextInt(30) == 0 ? "\"12\"" : random.nextInt(100_000)));
    }
    for (String text :
        List.of(
            "email",
            "first_name",
            "last_name",
            "common_name",
            "last_login",
            "date_joined",
            "sso_source")) {
      int pick = random.nextInt(10);
      if (pick == 0) {
        continue;
      }
      String value =
          pick == 1
              ? "null"
              : odd && pick == 2 && random.nextInt(10) == 0
                  ? "42"
                  : "\"" + text + "-" + random.nextInt(1000) + " \\u00e9\\\"q\"";
      fields.add("\"" + text + "\": " + value);
    }
    for (String flag : List.of("is_active", "is_superuser")) {
      int pick = random.nextInt(8);
      if (pick > 0) {
        fields.add(
            "\""
                + flag
                + "\": "
                + (pick == 1
                    ? "null"
                    : odd && pick == 2 && random.nextInt(10) == 0
                        ? "1"
                        : Boolean.toString(random.nextBoolean())));
      }
    }
    if (random.nextBoolean()) {
      fields.add("\"tenant_id\": " + (random.nextBoolean() ? "null" : random.nextInt(9)));
    }
    switch (random.nextInt(5)) {
      case 0 -> fields.add("\"login_attributes\": null");
      case 1 -> fields.add("\"login_attributes\": {\"z\": 1, \"a\": {\"x\": [true]}, \"m\": null}");
      case 2 -> fields.add("\"login_attributes\": " + (random.nextBoolean() ? "\"s\"" : "[1, 2]"));
      default -> {}
    }
    if (random.nextInt(3) == 0) {
      fields.add("\"group_ids\": [1, 2, " + random.nextInt(50) + "]");
    }
    if (random.nextInt(20) == 0 && !fields.isEmpty()) {
      fields.add(fields.get(0));
    }
    java.util.Collections.shuffle(fields, random);
    return "{" + String.join(", ", fields) + "}";
  }
}
