package org.batonjava.sdk.c1z;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The text timestamp layout of c1z files: Go's {@code 2006-01-02 15:04:05.999999999} in the
 * writer's local time zone without a zone suffix; fractional seconds have trailing zeros trimmed
 * and are left out when zero. Columns compare text-wise, so the layout must be exact.
 */
public final class SyncTime {
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final ZoneId zone;
  private volatile Second lastSecond;

  private record Second(long epochSecond, String text) {}

  public SyncTime(ZoneId zone) {
    this.zone = zone;
  }

  public static SyncTime systemDefault() {
    return new SyncTime(ZoneId.systemDefault());
  }

  public String format(Instant instant) {
    long second = instant.getEpochSecond();
    Second cached = lastSecond;
    if (cached == null || cached.epochSecond() != second) {
      // Rows are written thousands a second: the date and time part is made once per second.
      cached =
          new Second(
              second, SECONDS.format(LocalDateTime.ofInstant(Instant.ofEpochSecond(second), zone)));
      lastSecond = cached;
    }
    int nanos = instant.getNano();
    if (nanos == 0) {
      return cached.text();
    }
    char[] digits = new char[9];
    for (int i = 8, n = nanos; i >= 0; i--, n /= 10) {
      digits[i] = (char) ('0' + n % 10);
    }
    int end = digits.length;
    while (digits[end - 1] == '0') {
      end--;
    }
    return cached.text() + "." + new String(digits, 0, end);
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
