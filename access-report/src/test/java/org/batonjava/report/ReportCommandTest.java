package org.batonjava.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.batonjava.sdk.cli.RunEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
  @TempDir Path dir;
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return new ReportCommand()
        .run(
            new RunEnvironment(
                Map.of(),
                dir,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                false,
                1),
            args);
  }

  private void tenant(String name, String extraUser) {
    TenantFile t =
        new TenantFile()
            .user("1", "Ada Admin", "ada@example.com", true, Instant.now())
            .user("2", "Evil <script>alert(1)</script>", "=cmd@example.com", true, null)
            .group("2", "Administrators")
            .group("3", "Analysts")
            .resource("database", "2", "Finance </script> DB", "query-builder")
            .grant("group:2:member", "user:1")
            .grant("group:3:member", "user:2")
            .groupGrant("database:2:query-builder", "3");
    if (extraUser != null) {
      t.user("9", extraUser, "zed@example.com", true, null).grant("group:3:member", "user:9");
    }
    t.write(dir.resolve(name));
  }

  private String html(String name) throws Exception {
    return Files.readString(dir.resolve(name));
  }

  @Test
  void writesOneSelfContainedPageAndCsvTables() throws Exception {
    tenant("before.c1z", null);
    tenant("sync.c1z", "Zed");

    int code = run("--file", "sync.c1z", "--previous", "before.c1z", "--csv", "csv");

    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("report.html").contains("3 accounts");
    assertThat(
            java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("report.html"))))
        .isEqualTo("rw-------");
    String page = html("report.html");
    assertThat(page)
        .contains("data-figure=\"active-users\"><span class=\"value\">3<")
        .contains("data-figure=\"admin-people\"><span class=\"value\">1<")
        .contains("<svg")
        // Names are escaped in HTML and cannot end the data script element.
        .doesNotContain("<script>alert(1)")
        .doesNotContain("Finance </script> DB");
    assertThat(page.replace("xmlns=\"http://www.w3.org/2000/svg\"", ""))
        .doesNotContain("http://", "https://");
    assertThat(page.split("</script>", -1)).hasSize(3);
    assertThat(Files.readString(dir.resolve("csv/changes.csv")))
        .contains(
            "granted,Zed,user,zed@example.com,Database,"
                + "Finance </script> DB,query-builder,Analysts");
    assertThat(Files.readString(dir.resolve("csv/effective-access.csv")))
        .contains("'=cmd@example.com")
        .contains("Ada Admin,ada@example.com,person,enabled,group,Administrators,member,direct");
    try (var files = Files.list(dir.resolve("csv"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .contains(
              "effective-access.csv", "admins.csv", "dormant.csv", "changes.csv", "accounts.csv");
    }
  }

  @Test
  void manyResourcesGoToAPagedTable() throws Exception {
    TenantFile t =
        new TenantFile()
            .user("1", "Ann", "ann@example.com", true, Instant.now())
            .group("3", "Analysts")
            .grant("group:3:member", "user:1");
    for (int d = 1; d <= 260; d++) {
      t.resource(
              "database",
              Integer.toString(d),
              "DB " + d,
              "query-builder",
              "query-builder-and-native")
          .groupGrant("database:" + d + ":query-builder", "3");
    }
    t.write(dir.resolve("sync.c1z"));
    assertThat(run()).as(err.toString(StandardCharsets.UTF_8)).isZero();
    String page = html("report.html");
    assertThat(page)
        .contains("id=\"resources-table-paged\"")
        .doesNotContain("id=\"resources-table\"")
        .contains("[\"Database\",\"DB 260\",\"query-builder\",1,\"Analysts\"]");
    // The pictures keep to the busiest resources and say so.
    assertThat(page).contains("Showing the 30 of 260");
  }

  @Test
  void redactedEmailsAreStablePseudonyms() throws Exception {
    tenant("sync.c1z", null);
    assertThat(run("--redact-emails", "--output", "a.html", "--csv", "csv")).isZero();
    assertThat(run("--redact-emails", "--output", "b.html")).isZero();
    String a = html("a.html");
    assertThat(a).doesNotContain("ada@example.com").doesNotContain("cmd@example.com");
    String pseudonym = EmailRedactor.pseudonyms().redact("ada@example.com");
    assertThat(pseudonym).matches("person-[0-9a-f]{10}@redacted\\.invalid");
    assertThat(a).contains(pseudonym);
    assertThat(html("b.html")).contains(pseudonym);
    assertThat(Files.readString(dir.resolve("csv/accounts.csv")))
        .doesNotContain("@example.com")
        .contains(pseudonym);
  }

  @Test
  void badInputIsOneLineAndLeavesThePreviousReport() throws Exception {
    Files.writeString(dir.resolve("report.html"), "previous good report");
    Files.write(dir.resolve("pebble.c1z"), new byte[] {'C', '1', 'Z', '3', 0, 1, 2, 3});

    assertThat(run("--file", "pebble.c1z")).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8).trim())
        .contains("v3 (Pebble)")
        .contains("--storage-engine sqlite")
        .doesNotContain("\n")
        .doesNotContain("Exception");
    err.reset();
    assertThat(run("--file", "missing.c1z")).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8).trim())
        .isEqualTo(
            "error: "
                + dir.resolve("missing.c1z")
                + " does not exist; pass the c1z written by a sync with --file");
    err.reset();
    assertThat(run("--dormant-days", "-3")).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("error: --dormant-days");
    assertThat(html("report.html")).isEqualTo("previous good report");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }
  }
}
