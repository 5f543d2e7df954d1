package org.batonjava.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.batonjava.sdk.cli.RunEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A c1z written by the Go SDK's own store (tools/baton-cli/c1zfixture: Alice and Bob in Analysts,
 * Analysts granted {@code access} on the Sales database, expandable from membership, shallow) is
 * reviewed like ours: both users reach Sales through Analysts.
 */
class GoWrittenFileReportTest {
  @TempDir Path dir;

  @Test
  void reviewsAFileTheGoSdkWrote() throws Exception {
    String fixture = System.getProperty("baton.c1zfixture");
    assertThat(fixture).as("system property baton.c1zfixture (run through ./mvnw)").isNotBlank();
    assertThat(Path.of(fixture)).as("run tools/baton-cli/build.sh").isExecutable();
    Path file = dir.resolve("go.c1z");
    Process p =
        new ProcessBuilder(fixture, file.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("out.txt").toFile())
            .start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(Files.readString(dir.resolve("out.txt"))).isZero();

    EffectiveAccess access = new EffectiveAccess(new ModelReader(EmailRedactor.none()).read(file));
    for (String user : new String[] {"user:1", "user:2"}) {
      AccessModel model = access.model();
      Map<String, String> held = new TreeMap<>();
      access
          .routes(model.principal(user).orElseThrow())
          .forEach(
              (level, routes) ->
                  held.put(model.levels().get(level).id(), Changes.names(model, routes)));
      assertThat(held)
          .containsEntry("database:3:access", "Analysts")
          .containsEntry("group:10:member", "direct");
    }
    assertThat(
            new ReportCommand()
                .run(
                    new RunEnvironment(Map.of(), dir, System.out, System.err, false, 1),
                    "--file",
                    file.toString()))
        .isZero();
    assertThat(Files.readString(dir.resolve("report.html")))
        .contains("data-figure=\"active-users\"><span class=\"value\">2<");
  }
}
