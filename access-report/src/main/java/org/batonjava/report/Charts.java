package org.batonjava.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The report's pictures, as plain inline SVG: a group × resource matrix coloured by the highest
 * level each group holds, and per resource a bar of how many accounts hold it at each level. Large
 * tenants get the busiest rows and columns, with a note saying how many are left out (the tables
 * and CSV files have them all).
 */
final class Charts {
  static final int MAX_ROWS = 40;
  static final int MAX_COLUMNS = 40;
  static final int MAX_BARS = 30;
  private static final String[] PALETTE = {"#9ecae1", "#4292c6", "#08519c", "#08306b", "#041a3d"};

  private final Review review;
  private final AccessModel model;

  Charts(Review review) {
    this.review = review;
    this.model = review.model();
  }

  static String colour(int rank) {
    return PALETTE[Math.min(rank, PALETTE.length - 1)];
  }

  /** The level names of a resource type, by rank (from the type's first resources). */
  Map<Integer, String> slugs(String type) {
    Map<Integer, String> out = new TreeMap<>();
    for (Level l : model.levels()) {
      if (model.targets().get(l.target()).type().equals(type)) {
        out.putIfAbsent(l.rank(), l.slug());
      }
    }
    return out;
  }

  String legend(String type) {
    StringBuilder out = new StringBuilder("<div class=\"legend\">");
    slugs(type)
        .forEach(
            (rank, slug) ->
                out.append("<span><i style=\"background:")
                    .append(colour(rank))
                    .append("\"></i>")
                    .append(Html.esc(slug))
                    .append("</span>"));
    return out.append("</div>").toString();
  }

  /**
   * Group × resource of {@code type}: each cell the highest level the group holds on the resource.
   */
  String matrix(String type, EffectiveAccess access) {
    Map<Integer, Map<Integer, Integer>> cells = new LinkedHashMap<>();
    Map<Integer, Integer> columnUse = new LinkedHashMap<>();
    for (int t = 0; t < model.targets().size(); t++) {
      Target target = model.targets().get(t);
      if (!target.group()) {
        continue;
      }
      int principal = model.principal(target.key()).orElse(-1);
      if (principal < 0) {
        continue;
      }
      for (Reach r : access.reach(principal)) {
        Level level = model.levels().get(r.level());
        if (!model.targets().get(level.target()).type().equals(type)) {
          continue;
        }
        Map<Integer, Integer> row = cells.computeIfAbsent(principal, k -> new LinkedHashMap<>());
        if (row.merge(level.target(), level.rank(), Math::max) == level.rank()) {
          columnUse.merge(level.target(), 1, Integer::sum);
        }
      }
    }
    if (cells.isEmpty()) {
      return "<p class=\"muted\">No group holds access to any " + Html.esc(type) + ".</p>";
    }
    List<Integer> rows = new ArrayList<>(cells.keySet());
    rows.sort(
        Comparator.comparingInt((Integer p) -> -cells.get(p).size())
            .thenComparing(model::principalName));
    List<Integer> columns = new ArrayList<>(columnUse.keySet());
    columns.sort(
        Comparator.comparingInt((Integer t) -> -columnUse.get(t))
            .thenComparing(t -> model.targets().get(t).name()));
    int shownRows = Math.min(rows.size(), MAX_ROWS);
    int shownColumns = Math.min(columns.size(), MAX_COLUMNS);
    int cell = 26;
    int left = 180;
    int top = 140;
    int width = left + shownColumns * cell + 130;
    int height = top + shownRows * cell + 10;
    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(height)
        .append("\" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(height)
        .append("\" data-chart=\"matrix-")
        .append(Html.esc(type))
        .append("\"><title>Groups × ")
        .append(Html.esc(type))
        .append(": highest level</title>");
    for (int c = 0; c < shownColumns; c++) {
      int x = left + c * cell + cell / 2;
      svg.append("<text transform=\"translate(")
          .append(x - 2)
          .append(',')
          .append(top - 6)
          .append(") rotate(-45)\">")
          .append(Html.esc(clip(model.targets().get(columns.get(c)).name(), 22)))
          .append("</text>");
    }
    for (int r = 0; r < shownRows; r++) {
      int principal = rows.get(r);
      int y = top + r * cell;
      svg.append("<text x=\"")
          .append(left - 6)
          .append("\" y=\"")
          .append(y + 17)
          .append("\" text-anchor=\"end\">")
          .append(Html.esc(clip(model.principalName(principal), 26)))
          .append("</text>");
      Map<Integer, Integer> row = cells.get(principal);
      for (int c = 0; c < shownColumns; c++) {
        Integer rank = row.get(columns.get(c));
        int x = left + c * cell;
        svg.append("<rect x=\"")
            .append(x)
            .append("\" y=\"")
            .append(y)
            .append("\" width=\"")
            .append(cell - 2)
            .append("\" height=\"")
            .append(cell - 2)
            .append("\" fill=\"")
            .append(rank == null ? "#f0f4f8" : colour(rank))
            .append("\">");
        if (rank != null) {
          svg.append("<title>")
              .append(
                  Html.esc(
                      model.principalName(principal)
                          + " → "
                          + model.targets().get(columns.get(c)).name()
                          + ": "
                          + slugOf(columns.get(c), rank)))
              .append("</title>");
        }
        svg.append("</rect>");
      }
    }
    svg.append("</svg>");
    String note =
        rows.size() > shownRows || columns.size() > shownColumns
            ? "<p class=\"note\">Showing the "
                + shownRows
                + " groups and "
                + shownColumns
                + " resources with the most grants (of "
                + rows.size()
                + " and "
                + columns.size()
                + "); the tables and CSV files list them all.</p>"
            : "";
    return legend(type) + "<div class=\"chart\">" + svg + "</div>" + note;
  }

  /** Per resource of {@code type}: accounts by their highest level, as stacked horizontal bars. */
  String bars(String type) {
    List<Integer> targets = new ArrayList<>();
    for (int t = 0; t < model.targets().size(); t++) {
      if (model.targets().get(t).type().equals(type)) {
        targets.add(t);
      }
    }
    if (targets.isEmpty()) {
      return "";
    }
    targets.sort(
        Comparator.comparingInt((Integer t) -> -review.accountsOn(t))
            .thenComparing(t -> model.targets().get(t).name()));
    int shown = Math.min(targets.size(), MAX_BARS);
    int max = Math.max(1, review.accountsOn(targets.get(0)));
    int left = 190;
    int barWidth = 520;
    int rowHeight = 22;
    int height = shown * rowHeight + 10;
    int width = left + barWidth + 70;
    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(height)
        .append("\" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(height)
        .append("\" data-chart=\"bars-")
        .append(Html.esc(type))
        .append("\"><title>Accounts per level per ")
        .append(Html.esc(type))
        .append("</title>");
    for (int i = 0; i < shown; i++) {
      int t = targets.get(i);
      int y = i * rowHeight + 4;
      svg.append("<text x=\"")
          .append(left - 6)
          .append("\" y=\"")
          .append(y + 13)
          .append("\" text-anchor=\"end\">")
          .append(Html.esc(clip(model.targets().get(t).name(), 28)))
          .append("</text>");
      double x = left;
      int total = 0;
      for (int rank = 0; ; rank++) {
        String slug = slugOf(t, rank);
        if (slug == null) {
          break;
        }
        int n = review.highestCount(t, rank);
        total += n;
        double w = barWidth * (double) n / max;
        if (n > 0) {
          svg.append("<rect x=\"")
              .append(String.format(java.util.Locale.ROOT, "%.1f", x))
              .append("\" y=\"")
              .append(y)
              .append("\" width=\"")
              .append(String.format(java.util.Locale.ROOT, "%.1f", Math.max(w, 1)))
              .append("\" height=\"16\" fill=\"")
              .append(colour(rank))
              .append("\"><title>")
              .append(Html.esc(model.targets().get(t).name() + ": " + n + " at " + slug))
              .append("</title></rect>");
        }
        x += w;
      }
      svg.append("<text x=\"")
          .append(String.format(java.util.Locale.ROOT, "%.1f", x + 6))
          .append("\" y=\"")
          .append(y + 13)
          .append("\">")
          .append(total)
          .append("</text>");
    }
    svg.append("</svg>");
    String note =
        targets.size() > shown
            ? "<p class=\"note\">Showing the "
                + shown
                + " of "
                + targets.size()
                + " with the most accounts.</p>"
            : "";
    return legend(type) + "<div class=\"chart\">" + svg + "</div>" + note;
  }

  private String slugOf(int target, int rank) {
    for (Level l : model.levels()) {
      if (l.target() == target && l.rank() == rank) {
        return l.slug();
      }
    }
    return null;
  }

  private static String clip(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "…";
  }
}
