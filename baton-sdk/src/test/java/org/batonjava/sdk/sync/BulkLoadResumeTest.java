package org.batonjava.sdk.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.luben.zstd.ZstdInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.batonjava.sdk.c1z.C1zOptions;
import org.batonjava.sdk.testconnector.SyntheticConnector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sync that stops while it loads grants (the grant indexes dropped for the bulk load) leaves a
 * checkpoint in bulk-load mode; the next run resumes it and ends with the content and the schema of
 * an uninterrupted sync.
 */
class BulkLoadResumeTest {
  @TempDir Path dir;

  private SyncOptions options(Path file) {
    return SyncOptions.defaults(file)
        .withStore(C1zOptions.defaults().withTempDir(dir.resolve("tmp")));
  }

  @Test
  void aSyncStoppedDuringTheGrantLoadResumesToTheSameFile() throws Exception {
    Path clean = dir.resolve("clean.c1z");
    SyntheticConnector counting = new SyntheticConnector(ResumeTest.SHAPE);
    new SyncEngine(counting, options(clean), SyncEngineTest.noSleep()).run();
    long calls = counting.calls();

    for (long stopAt : new long[] {calls - 20, calls - 2}) {
      Path file = dir.resolve("stopped" + stopAt + ".c1z");
      SyntheticConnector failing = new SyntheticConnector(ResumeTest.SHAPE);
      failing.hook(
          n -> {
            if (n == stopAt) {
              throw new IllegalStateException("boom at call " + n);
            }
          });
      assertThatThrownBy(
              () -> new SyncEngine(failing, options(file), SyncEngineTest.noSleep()).run())
          .hasMessageContaining("boom");
      List<String> checkpoint = schema(file);
      assertThat(checkpoint)
          .as("the checkpoint was saved during the grant load")
          .anyMatch(row -> row.startsWith("table batonjava_bulk_load "))
          .noneMatch(row -> row.startsWith("index ") && row.contains(" v1_grants "));

      SyncReport r =
          new SyncEngine(
                  new SyntheticConnector(ResumeTest.SHAPE), options(file), SyncEngineTest.noSleep())
              .run();
      assertThat(r.resumed()).isTrue();
      assertThat(C1zDump.of(file)).isEqualTo(C1zDump.of(clean));
      assertThat(C1zDump.grantOrder(file)).isEqualTo(C1zDump.grantOrder(clean));
      assertThat(schema(file)).isEqualTo(schema(clean));
    }
  }

  /** {@code sqlite_master} in its order: type, name, table and definition of each object. */
  private List<String> schema(Path c1z) throws Exception {
    Path db = Files.createTempFile(dir, "unpacked", ".db");
    try (InputStream raw = Files.newInputStream(c1z)) {
      assertThat(raw.readNBytes(5)).asString().startsWith("C1ZF");
      try (InputStream in = new ZstdInputStream(raw)) {
        Files.copy(in, db, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
    List<String> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery("select type, name, tbl_name, sql from sqlite_master order by rowid")) {
      while (rs.next()) {
        rows.add(
            rs.getString(1)
                + " "
                + rs.getString(2)
                + " "
                + rs.getString(3)
                + " "
                + rs.getString(4));
      }
    }
    return rows;
  }
}
