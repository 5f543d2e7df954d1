package org.batonjava.sdk.proto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The reference data in {@code testdata/} (which the compatibility tests read) is an exact copy of the team's
 * reference in {@code ../shared/reference}: the Go outputs byte for byte, the schema facts line for line (the
 * appendix's {@code ## proto/…} and {@code - …} listing lines). Runs only where that folder sits beside the
 * repository; everywhere else there is no original to compare with.
 */
class ReferenceCopiesTest {
  private static final Path REPO = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
      .resolve("..").toAbsolutePath().normalize();
  private static final Path SHARED = REPO.resolve("../shared/reference").normalize();

  @Test
  void goOutputsAreUnchangedCopies() throws IOException {
    Path originals = SHARED.resolve("go-outputs");
    assumeTrue(Files.isDirectory(originals), "no " + originals + " to compare the copies with");
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.list(originals)) {
      files.filter(f -> f.getFileName().toString().endsWith(".json")).forEach(f -> names.add(f.getFileName().toString()));
    }
    assertThat(names).isNotEmpty();
    try (Stream<Path> copies = Files.list(REPO.resolve("testdata/go-outputs"))) {
      assertThat(copies.map(f -> f.getFileName().toString())).containsExactlyInAnyOrderElementsOf(names);
    }
    for (String name : names) {
      assertThat(Files.readAllBytes(REPO.resolve("testdata/go-outputs").resolve(name))).as(name)
          .isEqualTo(Files.readAllBytes(originals.resolve(name)));
    }
  }

  @Test
  void schemaFactsAreTheAppendixListing() throws IOException {
    Path appendix = SHARED.resolve("baton-sdk-proto-appendix.md");
    assumeTrue(Files.isRegularFile(appendix), "no " + appendix + " to compare the copy with");
    List<String> listing = new ArrayList<>();
    boolean started = false;
    for (String line : Files.readAllLines(appendix, StandardCharsets.UTF_8)) {
      started |= line.startsWith("## proto/");
      if (started && (line.startsWith("## proto/") || line.startsWith("- "))) {
        listing.add(line);
      }
    }
    assertThat(Files.readAllLines(REPO.resolve("testdata/proto-schema-facts.txt"), StandardCharsets.UTF_8))
        .isEqualTo(listing);
  }
}
