package org.batonjava.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Generates the access review of a c1z: reads it (and an earlier one), computes, writes HTML and
 * CSV.
 */
public final class AccessReport {
  /**
   * What to generate.
   *
   * @param file the c1z to review (its latest finished sync)
   * @param previous an earlier c1z to compare with
   * @param output the HTML file to write
   * @param csvDir where to write the CSV tables, if anywhere
   * @param dormantDays days without login after which an active person with access counts as
   *     dormant
   * @param redactEmails replace e-mail addresses with stable pseudonyms
   */
  public record Options(
      Path file,
      Optional<Path> previous,
      Path output,
      Optional<Path> csvDir,
      int dormantDays,
      boolean redactEmails) {}

  /** What was written. */
  public record Result(
      Path output, long bytes, int accounts, int resources, int changes, List<String> csvFiles) {}

  private AccessReport() {}

  public static Result generate(Options options) {
    EmailRedactor redactor =
        options.redactEmails() ? EmailRedactor.pseudonyms() : EmailRedactor.none();
    requireFile(options.file(), "--file");
    options.previous().ifPresent(p -> requireFile(p, "--previous"));
    Path outputDir = options.output().toAbsolutePath().getParent();
    if (outputDir == null || !Files.isDirectory(outputDir)) {
      throw new ReportException(
          "cannot write "
              + options.output()
              + ": its folder does not exist; create it or"
              + " pass another --output");
    }
    if (Files.isDirectory(options.output())) {
      throw new ReportException(
          options.output() + " is a folder; pass a file name with --output, e.g. report.html");
    }
    ModelReader reader = new ModelReader(redactor);
    Review review =
        new Review(new EffectiveAccess(reader.read(options.file())), options.dormantDays());
    Optional<Review> previous =
        options
            .previous()
            .map(
                p ->
                    new Review(
                        new EffectiveAccess(new ModelReader(redactor).read(p)),
                        options.dormantDays()));
    Optional<Changes> changes = previous.map(p -> new Changes(p, review));
    HtmlReport.ReportInput input =
        new HtmlReport.ReportInput(
            options.file().getFileName().toString(),
            options.previous().map(p -> p.getFileName().toString()),
            previous.map(p -> p.model().syncTime()),
            options.redactEmails());
    try {
      Path tmp = Files.createTempFile(outputDir, "." + options.output().getFileName(), ".tmp");
      try {
        try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
          new HtmlReport(review, changes, input).write(out);
        }
        AtomicFiles.move(tmp, options.output());
      } finally {
        Files.deleteIfExists(tmp);
      }
      List<String> csv =
          options.csvDir().isPresent()
              ? new CsvTables(review, changes).write(options.csvDir().get())
              : List.of();
      // Resources are what levels are on, groups aside (accounts have no levels of their own).
      int resources =
          (int)
              review.model().levels().stream()
                  .map(Level::target)
                  .distinct()
                  .filter(t -> !review.model().targets().get(t).group())
                  .count();
      return new Result(
          options.output(),
          Files.size(options.output()),
          review.accounts().size(),
          resources,
          changes.map(c -> c.list().size()).orElse(0),
          csv);
    } catch (IOException e) {
      throw new ReportException(
          "cannot write the report: " + e.getMessage(), new UncheckedIOException(e));
    }
  }

  private static void requireFile(Path file, String flag) {
    if (!Files.exists(file)) {
      throw new ReportException(
          file + " does not exist; pass the c1z written by a sync with " + flag);
    }
  }
}
