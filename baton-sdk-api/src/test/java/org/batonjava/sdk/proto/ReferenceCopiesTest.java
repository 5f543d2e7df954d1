package org.batonjava.sdk.proto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The reference data in {@code testdata/} (which the compatibility tests read) is exactly what was
 * captured: the Go connectors' {@code capabilities}/{@code config} outputs byte for byte and the
 * protobuf schema listing line for line. {@code testdata/SHA256SUMS} pins each file's SHA-256 as
 * recorded when it was checked against its original; this test fails when a copy is edited, added
 * or removed without updating that list on purpose, and when the schema listing is not in its
 * one-line-per-file/message form.
 */
class ReferenceCopiesTest {
  private static final Path TESTDATA =
      Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
          .resolve("../testdata")
          .toAbsolutePath()
          .normalize();

  @Test
  void everyCopyHasItsRecordedChecksum() throws IOException {
    Map<String, String> recorded = new TreeMap<>();
    for (String line : Files.readAllLines(TESTDATA.resolve("SHA256SUMS"), StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        String[] parts = line.split(" +", 2);
        recorded.put(parts[1], parts[0]);
      }
    }
    assertThat(recorded).isNotEmpty();
    for (Map.Entry<String, String> entry : recorded.entrySet()) {
      assertThat(sha256(TESTDATA.resolve(entry.getKey())))
          .as(entry.getKey())
          .isEqualTo(entry.getValue());
    }
    assertThat(dataFiles()).containsExactlyInAnyOrderElementsOf(recorded.keySet());
  }

  @Test
  void goOutputsCoverEveryVariantAndCommand() throws IOException {
    try (Stream<Path> files = Files.list(TESTDATA.resolve("go-outputs"))) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .containsExactlyInAnyOrder(
              "baton-metabase.baton_capabilities.json",
              "baton-metabase.config_schema.json",
              "baton-metabase-v049.baton_capabilities.json",
              "baton-metabase-v049.config_schema.json",
              "baton-metabase-v056.baton_capabilities.json",
              "baton-metabase-v056.config_schema.json");
    }
  }

  @Test
  void schemaFactsAreOneLinePerFileMessageEnumOrService() throws IOException {
    List<String> lines =
        Files.readAllLines(TESTDATA.resolve("proto-schema-facts.txt"), StandardCharsets.UTF_8);
    assertThat(lines).isNotEmpty();
    assertThat(lines.get(0)).startsWith("## proto/");
    assertThat(lines)
        .allSatisfy(
            line -> assertThat(line).matches("(## proto/\\S+ +\\(package \\S+\\)|- \\S.*)"));
  }

  /**
   * The data files below testdata/, as paths relative to it, without the README and the checksum
   * list.
   */
  private static List<String> dataFiles() throws IOException {
    try (Stream<Path> files = Files.walk(TESTDATA)) {
      return files
          .filter(Files::isRegularFile)
          .map(f -> TESTDATA.relativize(f).toString().replace('\\', '/'))
          .filter(name -> !name.equals("README.md") && !name.equals("SHA256SUMS"))
          .collect(Collectors.toList());
    }
  }

  private static String sha256(Path file) throws IOException {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
