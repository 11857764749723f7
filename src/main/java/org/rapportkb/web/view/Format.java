package org.rapportkb.web.view;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Turns stored values into the words pages show. */
public final class Format {
  private static final DateTimeFormatter LONG_DATE =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

  private Format() {}

  /** {@code "intermediate"} becomes {@code "Intermediate"}. */
  public static String level(String level) {
    if (level == null || level.isEmpty()) {
      return "";
    }
    return level.substring(0, 1).toUpperCase(Locale.ROOT) + level.substring(1);
  }

  /** An ISO date as {@code "20 November 2026"}; the text itself when it is no date. */
  public static String date(String isoDate) {
    if (isoDate == null) {
      return "";
    }
    try {
      return LocalDate.parse(isoDate).format(LONG_DATE);
    } catch (DateTimeParseException e) {
      return isoDate;
    }
  }

  /** {@code "1 article"}, {@code "3 articles"}. */
  public static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /** "1 search", "3 searches": a count with its noun in the singular or plural given. */
  public static String count(long n, String singular, String plural) {
    return n + " " + (n == 1 ? singular : plural);
  }
}
