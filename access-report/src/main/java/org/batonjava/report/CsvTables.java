package org.batonjava.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The report's tables as CSV files for spreadsheets: effective access (one row per account,
 * resource and level), accounts, administrators, dormant accounts, deactivated accounts still in
 * groups, groups and, with a previous sync, changes. Cells that a spreadsheet would run as a
 * formula are prefixed with an apostrophe.
 */
final class CsvTables {
  private final Review review;
  private final Optional<Changes> changes;

  CsvTables(Review review, Optional<Changes> changes) {
    this.review = review;
    this.changes = changes;
  }

  /**
   * Writes the files into {@code dir} (created if missing), each atomically; returns their names.
   */
  List<String> write(Path dir) throws IOException {
    Files.createDirectories(dir);
    List<String> names = new ArrayList<>();
    AccessModel model = review.model();
    file(
        dir,
        "effective-access.csv",
        names,
        out -> {
          row(
              out,
              "name",
              "email",
              "kind",
              "status",
              "resource_type",
              "resource",
              "level",
              "through");
          for (Review.AccountFacts f : review.accounts()) {
            Account a = f.account();
            for (Map.Entry<Integer, List<List<Integer>>> e :
                review.access().routes(a.principal()).entrySet()) {
              Level l = model.levels().get(e.getKey());
              Target t = model.targets().get(l.target());
              row(
                  out,
                  a.name(),
                  a.email(),
                  kind(a),
                  a.status(),
                  t.type(),
                  t.name(),
                  l.slug(),
                  Changes.names(model, e.getValue()));
            }
          }
        });
    file(
        dir,
        "accounts.csv",
        names,
        out -> {
          row(out, "name", "email", "kind", "status", "last_login", "groups", "resources", "admin");
          for (Review.AccountFacts f : review.accounts()) {
            Account a = f.account();
            row(
                out,
                a.name(),
                a.email(),
                kind(a),
                a.status(),
                lastLogin(a),
                Integer.toString(f.groups()),
                Integer.toString(f.resources()),
                f.admin() ? "yes" : "no");
          }
        });
    file(
        dir,
        "admins.csv",
        names,
        out -> {
          row(out, "name", "email", "kind", "status", "last_login", "through");
          for (Review.AccountFacts f : review.accounts()) {
            if (f.admin()) {
              Account a = f.account();
              row(
                  out,
                  a.name(),
                  a.email(),
                  kind(a),
                  a.status(),
                  lastLogin(a),
                  Changes.names(model, f.adminRoutes()));
            }
          }
        });
    file(
        dir,
        "dormant.csv",
        names,
        out -> {
          row(out, "name", "email", "last_login", "groups", "resources", "why");
          for (Review.AccountFacts f : review.accounts()) {
            if (f.dormant() || f.neverLoggedIn()) {
              Account a = f.account();
              row(
                  out,
                  a.name(),
                  a.email(),
                  lastLogin(a),
                  Integer.toString(f.groups()),
                  Integer.toString(f.resources()),
                  f.neverLoggedIn()
                      ? "never logged in"
                      : "no login for " + review.dormantDays() + "+ days");
            }
          }
        });
    file(
        dir,
        "deactivated-in-groups.csv",
        names,
        out -> {
          row(out, "name", "email", "status", "groups", "resources");
          for (Review.AccountFacts f : review.accounts()) {
            if (f.deactivatedInGroups()) {
              Account a = f.account();
              row(
                  out,
                  a.name(),
                  a.email(),
                  a.status(),
                  Integer.toString(f.groups()),
                  Integer.toString(f.resources()));
            }
          }
        });
    file(
        dir,
        "groups.csv",
        names,
        out -> {
          row(out, "group", "members", "access");
          for (List<Object> g : ReportData.groupRows(review)) {
            row(out, (String) g.get(0), g.get(1).toString(), (String) g.get(2));
          }
        });
    if (changes.isPresent()) {
      file(
          dir,
          "changes.csv",
          names,
          out -> {
            row(
                out,
                "change",
                "who",
                "who_type",
                "email",
                "resource_type",
                "resource",
                "level",
                "through");
            for (Changes.Change c : changes.get().list()) {
              row(
                  out,
                  c.kind(),
                  c.who(),
                  c.whoType(),
                  c.email(),
                  c.targetType(),
                  c.target(),
                  c.level(),
                  c.through());
            }
          });
    }
    return names;
  }

  private interface Body {
    void write(Writer out) throws IOException;
  }

  private static void file(Path dir, String name, List<String> names, Body body)
      throws IOException {
    Path target = dir.resolve(name);
    Path tmp = Files.createTempFile(dir, "." + name, ".tmp");
    try {
      try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        body.write(out);
      }
      AtomicFiles.move(tmp, target);
    } finally {
      Files.deleteIfExists(tmp);
    }
    names.add(name);
  }

  private static String kind(Account a) {
    return a.apiKey() ? "api key" : "person";
  }

  private static String lastLogin(Account a) {
    return a.lastLogin().map(Object::toString).orElse("");
  }

  static void row(Writer out, String... cells) throws IOException {
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(cell(cells[i]));
    }
    out.write("\r\n");
  }

  static String cell(String value) {
    String v = value == null ? "" : value;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (v.indexOf(',') >= 0
        || v.indexOf('"') >= 0
        || v.indexOf('\n') >= 0
        || v.indexOf('\r') >= 0) {
      return "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }
}
