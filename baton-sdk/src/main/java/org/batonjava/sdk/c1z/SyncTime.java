package org.batonjava.sdk.c1z;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;

/**
 * The text timestamp layout of c1z files: Go's {@code 2006-01-02 15:04:05.999999999} in the
 * writer's local time zone without a zone suffix; fractional seconds have trailing zeros trimmed
 * and are left out when zero. Columns compare text-wise, so the layout must be exact.
 */
public final class SyncTime {
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final ZoneId zone;

  public SyncTime(ZoneId zone) {
    this.zone = zone;
  }

  public static SyncTime systemDefault() {
    return new SyncTime(ZoneId.systemDefault());
  }

  public String format(Instant instant) {
    LocalDateTime local = LocalDateTime.ofInstant(instant, zone);
    String text = SECONDS.format(local);
    int nanos = local.get(ChronoField.NANO_OF_SECOND);
    if (nanos == 0) {
      return text;
    }
    String fraction = String.format("%09d", nanos);
    int end = fraction.length();
    while (fraction.charAt(end - 1) == '0') {
      end--;
    }
    return text + "." + fraction.substring(0, end);
  }

  /**
   * Parses the layout back (also accepting a {@code T} separator or a trailing zone written by
   * other tools).
   */
  public Instant parse(String text) {
    String t = text.trim().replace('T', ' ');
    int zoneStart = Math.max(t.indexOf('+', 19), t.indexOf('Z', 19));
    if (zoneStart > 0) {
      t = t.substring(0, zoneStart).trim();
    }
    String seconds = t.length() >= 19 ? t.substring(0, 19) : t;
    LocalDateTime local = LocalDateTime.parse(seconds, SECONDS);
    if (t.length() > 20 && t.charAt(19) == '.') {
      String fraction = (t.substring(20) + "000000000").substring(0, 9);
      local = local.withNano(Integer.parseInt(fraction));
    }
    return local.atZone(zone).toInstant();
  }
}
