package org.batonjava.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Writes the review as one self-contained HTML page: summary figures, administrators, pictures and
 * the per-resource summary are static HTML (they print as they are); the long lists are tables
 * built by a small inline script from the embedded JSON ({@link ReportData}), sortable, filterable
 * and paged. Nothing is fetched from anywhere.
 */
final class HtmlReport {
  private final Review review;
  private final Optional<Changes> changes;
  private final ReportInput input;

  HtmlReport(Review review, Optional<Changes> changes, ReportInput input) {
    this.review = review;
    this.changes = changes;
    this.input = input;
  }

  void write(Writer out) throws IOException {
    AccessModel model = review.model();
    out.write(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline';"
            + " script-src 'unsafe-inline'; img-src data:\">"
            + "<title>Metabase access review</title><style>");
    out.write(resource("report.css"));
    out.write("</style></head><body>\n<header><h1>Metabase access review</h1><p>");
    out.write(
        Html.esc(input.fileName())
            + " · sync "
            + Html.esc(model.syncId())
            + " of "
            + Html.esc(model.syncTime().truncatedTo(ChronoUnit.SECONDS).toString()));
    if (changes.isPresent()) {
      out.write(
          " · compared with "
              + Html.esc(input.previousName().orElse(""))
              + " (sync of "
              + Html.esc(
                  input
                      .previousTime()
                      .map(t -> t.truncatedTo(ChronoUnit.SECONDS).toString())
                      .orElse(""))
              + ")");
    }
    if (input.redacted()) {
      out.write(" · e-mail addresses replaced by pseudonyms");
    }
    out.write(
        "</p></header>\n<nav><a href=\"#summary\">Summary</a><a href=\"#admins\">Administrators</a>"
            + "<a href=\"#pictures\">Pictures</a><a href=\"#resources\">Access per resource</a>"
            + "<a href=\"#people\">People and API keys</a><a href=\"#groups\">Groups</a><a href=\"#attention\">Needs attention</a>"
            + (changes.isPresent() ? "<a href=\"#changes\">Changes</a>" : "")
            + "</nav>\n<main>\n");
    summary(out);
    admins(out);
    pictures(out);
    resources(out);
    out.write(
        "<section id=\"people\"><h2>People and API keys</h2><p class=\"muted\">Click a row to see everything the"
            + " account can reach and through which group.</p><div id=\"accounts-table\"></div>"
            + "<div id=\"account-detail\" hidden></div></section>\n");
    out.write("<section id=\"groups\"><h2>Groups</h2><div id=\"groups-table\"></div></section>\n");
    out.write(
        "<section id=\"attention\"><h2>Needs attention</h2><h3>Dormant accounts with access and accounts that never"
            + " logged in</h3><p class=\"muted\">Active people whose last login is more than "
            + review.dormantDays()
            + " days before the sync and who can reach at least one resource, and active people who never logged in.</p>"
            + "<div id=\"dormant-table\"></div><h3>Deactivated accounts still in groups</h3><p class=\"muted\">Membership"
            + " of All Users, which Metabase gives everyone, is not counted.</p><div id=\"deactivated-table\"></div></section>\n");
    if (changes.isPresent()) {
      changesSection(out);
    }
    out.write(
        "<section id=\"method\"><h2>How this was computed</h2><p class=\"muted\">From the grants of the sync:"
            + " direct grants, plus grant expansion: a grant marked expandable from a group's membership (for example a"
            + " database level granted to a group) reaches every member of the group; \"Through\" names that group."
            + " Administrators are the members of Metabase's Administrators group. An account's level on a resource in the"
            + " counts and pictures is the highest it holds there. Tables show one page at a time; print shows the page"
            + " shown, and <code>--csv</code> writes the full tables.</p></section>\n</main>\n");
    out.write("<script type=\"application/json\" id=\"report-data\">");
    ReportData.write(out, review, changes.map(Changes::list).orElse(List.of()));
    out.write("</script>\n<script>");
    out.write(resource("report.js"));
    out.write("</script>\n</body></html>\n");
  }

  private void summary(Writer out) throws IOException {
    out.write("<section id=\"summary\"><h2>Summary</h2><div class=\"figures\">");
    figure(
        out,
        "active-users",
        review.count(f -> !f.account().apiKey() && f.account().active()),
        "active people",
        false);
    figure(
        out,
        "deactivated-users",
        review.count(f -> !f.account().apiKey() && !f.account().active()),
        "deactivated people",
        false);
    figure(out, "groups", review.groupCount(), "groups", false);
    figure(
        out,
        "admin-people",
        review.count(f -> f.admin() && !f.account().apiKey() && f.account().active()),
        "administrators (people)",
        false);
    figure(
        out,
        "admin-api-keys",
        review.count(f -> f.admin() && f.account().apiKey() && f.account().active()),
        "administrator API keys",
        false);
    long keys = review.count(f -> f.account().apiKey());
    if (keys > 0) {
      figure(out, "api-keys", keys, "API keys", false);
    }
    figure(
        out,
        "deactivated-in-groups",
        review.count(Review.AccountFacts::deactivatedInGroups),
        "deactivated, still in groups",
        true);
    figure(
        out,
        "dormant",
        review.count(Review.AccountFacts::dormant),
        "dormant with access (no login for " + review.dormantDays() + "+ days)",
        true);
    figure(
        out,
        "never-logged-in",
        review.count(Review.AccountFacts::neverLoggedIn),
        "never logged in",
        true);
    out.write("</div></section>\n");
  }

  private static void figure(Writer out, String id, long value, String label, boolean warn)
      throws IOException {
    out.write(
        "<div class=\"figure"
            + (warn && value > 0 ? " warn" : "")
            + "\" data-figure=\""
            + id
            + "\"><span class=\"value\">"
            + value
            + "</span><span class=\"label\">"
            + Html.esc(label)
            + "</span></div>");
  }

  private void admins(Writer out) throws IOException {
    AccessModel model = review.model();
    out.write(
        "<section id=\"admins\"><h2>Administrators</h2><p class=\"muted\">People and API keys in Metabase's"
            + " Administrators group: they can see and change everything.</p><table id=\"admins-table\"><thead><tr><th>Name</th>"
            + "<th>E-mail</th><th>Kind</th><th>Status</th><th>Last login</th><th>Through</th></tr></thead><tbody>");
    int n = 0;
    for (Review.AccountFacts f : review.accounts()) {
      if (!f.admin()) {
        continue;
      }
      n++;
      Account a = f.account();
      out.write(
          "<tr><td>"
              + Html.esc(a.name())
              + "</td><td>"
              + Html.esc(a.email())
              + "</td><td>"
              + (a.apiKey() ? "API key" : "person")
              + "</td><td>"
              + Html.esc(a.status())
              + "</td><td>"
              + a.lastLogin()
                  .map(i -> i.toString().substring(0, 10))
                  .orElse(a.apiKey() ? "" : "never")
              + "</td><td>"
              + Html.esc(Changes.names(model, f.adminRoutes()))
              + "</td></tr>");
    }
    if (n == 0) {
      out.write(
          "<tr><td colspan=\"6\" class=\"empty\">No administrator in this file (it has no Administrators group).</td></tr>");
    }
    out.write("</tbody></table></section>\n");
  }

  private void pictures(Writer out) throws IOException {
    Charts charts = new Charts(review);
    out.write("<section id=\"pictures\"><h2>Pictures</h2>");
    for (String type : resourceTypes()) {
      String name = typeName(type);
      out.write(
          "<h3>Groups × "
              + Html.esc(name.toLowerCase(java.util.Locale.ROOT))
              + ": the highest level each group holds</h3>");
      out.write(charts.matrix(type, review.access()));
      out.write(
          "<h3>Accounts per level per "
              + Html.esc(name.toLowerCase(java.util.Locale.ROOT))
              + "</h3>");
      out.write(charts.bars(type));
    }
    if (resourceTypes().isEmpty()) {
      out.write(
          "<p class=\"muted\">The file has no resource besides users and groups (sync with --metabase-version"
              + " auto to include databases).</p>");
    }
    out.write("</section>\n");
  }

  /**
   * The non-group resource types that have entitlements, in file order (database, collection, ...).
   */
  private Set<String> resourceTypes() {
    AccessModel model = review.model();
    Set<String> out = new LinkedHashSet<>();
    for (Level l : model.levels()) {
      Target t = model.targets().get(l.target());
      if (!t.group()) {
        out.add(t.type());
      }
    }
    return out;
  }

  private String typeName(String type) {
    return review.model().targets().stream()
        .filter(t -> t.type().equals(type))
        .findFirst()
        .map(Target::typeName)
        .orElse(type);
  }

  private void resources(Writer out) throws IOException {
    List<List<Object>> rows = ReportData.resourceRows(review);
    out.write(
        "<section id=\"resources\"><h2>Access per resource</h2><p class=\"muted\">For each resource and level: the"
            + " groups it is granted to, and how many accounts hold it as their highest level there.</p>");
    if (rows.size() > ReportData.STATIC_RESOURCE_ROWS) {
      out.write("<div id=\"resources-table-paged\"></div>");
    } else {
      out.write(
          "<table id=\"resources-table\"><thead><tr><th>Type</th><th>Resource</th><th>Level</th>"
              + "<th class=\"num\">Accounts</th><th>Granted to</th></tr></thead><tbody>");
      for (List<Object> row : rows) {
        String groups = (String) row.get(4);
        out.write(
            "<tr><td>"
                + Html.esc((String) row.get(0))
                + "</td><td>"
                + Html.esc((String) row.get(1))
                + "</td><td>"
                + Html.esc((String) row.get(2))
                + "</td><td class=\"num\">"
                + row.get(3)
                + "</td><td>"
                + (groups.isEmpty() ? "<span class=\"muted\">nobody</span>" : Html.esc(groups))
                + "</td></tr>");
      }
      out.write("</tbody></table>");
    }
    out.write(
        "<h3>Who can reach a resource</h3><p><label>Resource: <select id=\"target-select\"></select>"
            + "</label></p><div id=\"access-table\"></div></section>\n");
  }

  private void changesSection(Writer out) throws IOException {
    Changes c = changes.orElseThrow();
    out.write(
        "<section id=\"changes\"><h2>Changes since the previous sync</h2><div class=\"figures\">");
    figure(out, "granted", c.count("granted"), "access granted", false);
    figure(out, "removed", c.count("removed"), "access removed", false);
    figure(out, "added", c.count("account added"), "accounts added", false);
    figure(out, "account-removed", c.count("account removed"), "accounts removed", false);
    figure(out, "deactivated", c.count("deactivated"), "deactivated", false);
    figure(out, "new-admins", c.count("new admin"), "new administrators", true);
    out.write("</div><div id=\"changes-table\"></div></section>\n");
  }

  private static String resource(String name) {
    try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What the header says about the inputs. */
  record ReportInput(
      String fileName,
      Optional<String> previousName,
      Optional<Instant> previousTime,
      boolean redacted) {}
}
