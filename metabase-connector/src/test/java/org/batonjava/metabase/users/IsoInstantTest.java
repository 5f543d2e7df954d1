package org.batonjava.metabase.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The quick reading of Metabase's timestamps agrees with {@code java.time}'s, or declines. */
class IsoInstantTest {
  @Test
  void readsWhatJavaTimeReadsForRandomInstantsOffsetsAndFractions() {
    Random random = new Random(14);
    for (int i = 0; i < 20_000; i++) {
      Instant at =
          Instant.ofEpochSecond(
              random.nextLong(-2_000_000_000L, 4_000_000_000L), random.nextInt(1_000_000_000));
      if (random.nextInt(4) == 0) {
        at = Instant.ofEpochSecond(at.getEpochSecond(), (at.getNano() / 1_000_000) * 1_000_000L);
      }
      ZoneOffset offset = ZoneOffset.ofTotalSeconds(random.nextInt(-18 * 60, 18 * 60 + 1) * 60);
      String text =
          random.nextBoolean()
              ? at.toString()
              : OffsetDateTime.ofInstant(at, offset).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
      assertThat(IsoInstant.parse(text)).as(text).contains(OffsetDateTime.parse(text).toInstant());
    }
  }

  @Test
  void declinesEveryOtherShapeSoTheGeneralParserDecides() {
    for (String text :
        new String[] {
          "2024-02-30T10:20:30Z", // no such day
          "2023-02-29T10:20:30Z",
          "2024-01-15T24:00:00Z",
          "2024-01-15T10:60:30Z",
          "2024-01-15T10:20:60Z",
          "2024-01-15T10:20:30", // no offset: read as UTC by the caller's fallback
          "2024-01-15T10:20Z",
          "2024-01-15 10:20:30Z",
          "2024-01-15t10:20:30z",
          "2024-01-15T10:20:30.Z",
          "2024-01-15T10:20:30.1234567891Z",
          "2024-01-15T10:20:30+0100",
          "2024-01-15T10:20:30+01:00:00",
          "2024-01-15T10:20:30+19:00",
          "2024-01-15T10:20:30+01:60",
          "2024-1-15T10:20:30Z",
          "+12024-01-15T10:20:30Z",
          "2024-01-15T10:20:30ZZ",
          "not a time at all!!"
        }) {
      assertThat(IsoInstant.parse(text)).as(text).isEmpty();
    }
  }

  @Test
  void agreesOnTheShapesItAcceptsAtTheEdges() {
    for (String text :
        new String[] {
          "2024-02-29T23:59:59.999999999Z",
          "1970-01-01T00:00:00Z",
          "0001-01-01T00:00:00.5-18:00",
          "9999-12-31T23:59:59+18:00",
          "2024-01-15T10:20:30-00:00",
          "2024-01-15T10:20:30.1+05:30"
        }) {
      Optional<Instant> quick = IsoInstant.parse(text);
      assertThat(quick).as(text).contains(parseOrNull(text));
    }
  }

  private static Instant parseOrNull(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
