package org.batonjava.metabase.app;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the exec-form ENTRYPOINT of one build target of {@code deploy/Dockerfile}. */
final class ImageEntrypoint {
  private static final Pattern STRING = Pattern.compile("\"([^\"]*)\"");

  private ImageEntrypoint() {}

  static List<String> of(String dockerfile, String target) {
    boolean inTarget = false;
    for (String line : dockerfile.split("\n", -1)) {
      if (line.startsWith("FROM ")) {
        inTarget = line.trim().endsWith(" AS " + target);
      } else if (inTarget && line.startsWith("ENTRYPOINT [")) {
        List<String> parts = new ArrayList<>();
        Matcher m = STRING.matcher(line);
        while (m.find()) {
          parts.add(m.group(1));
        }
        return parts;
      }
    }
    throw new AssertionError("no ENTRYPOINT for target " + target);
  }
}
