package org.batonjava.sdk.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Struct;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * JSON given on the command line: every problem is one line in the user's terms, never a Java type
 * or method.
 */
class JsonObjectArgumentTest {
  /**
   * A Java class or method name as parsers print them (java.io.EOFException,
   * StreamReadConstraints.getMax...).
   */
  static final String JAVA_NAME =
      ".*([a-z]+\\.)+[A-Z][A-Za-z]+|.*[A-Z][a-z]+[A-Z][A-Za-z]*\\.[a-z][A-Za-z]+\\(.*";

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "{first_name: Ann|--create-account-profile is not valid JSON: unexpected text at column 2",
        "{\"first_name\": \"Ann\"|--create-account-profile is not valid JSON: input ends at column 21 before the JSON is"
            + " complete",
        "{\"a\":1}}|--create-account-profile is not valid JSON: unexpected text at column 8",
        "[1, 2]|--create-account-profile must be a JSON object, e.g. '{\"email\":\"ann@example.com\"}'; got a list",
        "\"ann\"|--create-account-profile must be a JSON object, e.g. '{\"email\":\"ann@example.com\"}'; got a string",
        "null|--create-account-profile must be a JSON object, e.g. '{\"email\":\"ann@example.com\"}'; got null"
      })
  void badInputIsOneLineInTheUsersTerms(String input, String expectedStart) {
    assertThatThrownBy(
            () ->
                JsonObjectArgument.parse(
                    "--create-account-profile", input, "{\"email\":\"ann@example.com\"}"))
        .isInstanceOf(JsonObjectArgument.Problem.class)
        .satisfies(
            e -> {
              assertThat(e.getMessage())
                  .startsWith(expectedStart)
                  .doesNotContain("\n")
                  .doesNotMatch(JAVA_NAME)
                  .doesNotContain("java")
                  .doesNotContain("Exception");
            });
  }

  @Test
  void deepNestingIsNamedWithoutTheParsersInternals() {
    String deep = "{\"a\":" + "[".repeat(5000);
    assertThatThrownBy(
            () -> JsonObjectArgument.parse("--invoke-action-args", deep, "{\"userId\": \"42\"}"))
        .hasMessageStartingWith("--invoke-action-args is not valid JSON: it is nested too deeply")
        .satisfies(
            e ->
                assertThat(e.getMessage())
                    .doesNotMatch(JAVA_NAME)
                    .doesNotContain("StreamReadConstraints"));
  }

  @Test
  void aValidObjectIsRead() {
    Struct s =
        JsonObjectArgument.parse("--invoke-action-args", "{\"userId\": \"42\", \"n\": 7}", "{}");
    assertThat(s.getFieldsOrThrow("userId").getStringValue()).isEqualTo("42");
    assertThat(s.getFieldsOrThrow("n").getNumberValue()).isEqualTo(7.0);
  }
}
