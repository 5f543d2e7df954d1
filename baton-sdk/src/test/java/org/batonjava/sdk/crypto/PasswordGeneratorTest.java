package org.batonjava.sdk.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import c1.connector.v2.LocalCredentialOptions;
import c1.connector.v2.PasswordConstraint;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Generated passwords: lengths, classes, minimum counts, refusals, and that draws are unique and
 * shuffled.
 */
class PasswordGeneratorTest {
  private static final String ALL =
      PasswordGenerator.UPPER
          + PasswordGenerator.LOWER
          + PasswordGenerator.DIGITS
          + PasswordGenerator.SYMBOLS;
  private final PasswordGenerator generator = new PasswordGenerator();

  @Test
  void defaultIsTwentyCharactersWithEveryClass() {
    for (int i = 0; i < 500; i++) {
      String password = generator.generate().reveal();
      assertThat(password).hasSize(20);
      assertThat(password.chars()).allMatch(c -> ALL.indexOf(c) >= 0);
      assertThat(password)
          .containsAnyOf(chars(PasswordGenerator.UPPER))
          .containsAnyOf(chars(PasswordGenerator.LOWER))
          .containsAnyOf(chars(PasswordGenerator.DIGITS))
          .containsAnyOf(chars(PasswordGenerator.SYMBOLS));
    }
  }

  @Test
  void symbolSetIsTheReferenceOne() {
    assertThat(PasswordGenerator.SYMBOLS)
        .isEqualTo("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
        .hasSize(32);
    assertThat(ALL.chars().distinct().count()).isEqualTo(94);
  }

  @Test
  void unsetLengthMeansTheDefaultAndOptionsWithoutConstraintsGetTheFourClasses() {
    String password =
        generator.generate(LocalCredentialOptions.RandomPassword.getDefaultInstance()).reveal();
    assertThat(password).hasSize(20).containsAnyOf(chars(PasswordGenerator.SYMBOLS));
    assertThat(generator.generate(options(8)).reveal()).hasSize(8);
    assertThat(generator.generate(options(64)).reveal()).hasSize(64);
  }

  @Test
  void constraintsMinimumCountsAreMetAndLengthCountsCodePoints() {
    LocalCredentialOptions.RandomPassword options =
        options(12, constraint("0123456789", 5), constraint("ÄÖÜ😀", 3));
    for (int i = 0; i < 300; i++) {
      String password = generator.generate(options).reveal();
      assertThat(password.codePointCount(0, password.length())).isEqualTo(12);
      assertThat(password.chars().filter(Character::isDigit).count()).isGreaterThanOrEqualTo(5);
      assertThat(
              password.codePoints().filter(c -> "ÄÖÜ😀".codePoints().anyMatch(s -> s == c)).count())
          .isGreaterThanOrEqualTo(3);
    }
  }

  @Test
  void constraintsThatFillTheWholeLengthAreHonouredExactly() {
    String password =
        generator.generate(options(10, constraint("x", 6), constraint("y", 4))).reveal();
    assertThat(password.chars().filter(c -> c == 'x').count()).isEqualTo(6);
    assertThat(password.chars().filter(c -> c == 'y').count()).isEqualTo(4);
  }

  @Test
  void impossibleRequestsAreRefusedClearly() {
    assertThatThrownBy(() -> generator.generate(options(7)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("password length 7");
    assertThatThrownBy(() -> generator.generate(options(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> generator.generate(options(1_000_000)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> generator.generate(options(10, constraint("abc", 6), constraint("123", 5))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("add up to 11");
    assertThatThrownBy(() -> generator.generate(options(10, constraint("", 1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty char_set");
    assertThatThrownBy(
            () ->
                generator.generate(
                    options(
                        10,
                        PasswordConstraint.newBuilder().setCharSet("a").setMinCount(-1).build())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("4294967295");
  }

  @Test
  void drawsAreUniqueAndCoverTheWholeAlphabet() {
    Set<String> seen = new HashSet<>();
    Set<Integer> characters = new HashSet<>();
    for (int i = 0; i < 5000; i++) {
      String password = generator.generate().reveal();
      assertThat(seen.add(password)).as("duplicate password after %d draws", i).isTrue();
      password.chars().forEach(characters::add);
    }
    assertThat(characters).hasSize(94);
  }

  @Test
  void requiredCharactersAreShuffledIntoAllPositions() {
    // Eight required 'A's and eight fill characters: without the shuffle the 'A's would always
    // lead.
    LocalCredentialOptions.RandomPassword options = options(16, constraint("A", 8));
    Set<Integer> positionsOfA = new HashSet<>();
    boolean firstNotA = false;
    for (int i = 0; i < 200; i++) {
      String password = generator.generate(options).reveal();
      firstNotA |= password.charAt(0) != 'A' && password.chars().filter(c -> c == 'A').count() >= 8;
      for (int p = 0; p < password.length(); p++) {
        if (password.charAt(p) == 'A') {
          positionsOfA.add(p);
        }
      }
    }
    assertThat(firstNotA).isTrue();
    assertThat(positionsOfA).hasSize(16);
  }

  @Test
  void theResultNeverShowsItselfInToString() {
    Secret password = generator.generate();
    assertThat(password.toString()).doesNotContain(password.reveal()).isEqualTo("<secret>");
    assertThat("created with " + password).doesNotContain(password.reveal());
  }

  private static LocalCredentialOptions.RandomPassword options(
      long length, PasswordConstraint... constraints) {
    return LocalCredentialOptions.RandomPassword.newBuilder()
        .setLength(length)
        .addAllConstraints(List.of(constraints))
        .build();
  }

  private static PasswordConstraint constraint(String charSet, int minCount) {
    return PasswordConstraint.newBuilder().setCharSet(charSet).setMinCount(minCount).build();
  }

  private static CharSequence[] chars(String s) {
    return s.chars().mapToObj(c -> String.valueOf((char) c)).toArray(CharSequence[]::new);
  }
}
