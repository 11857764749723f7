package org.rapportkb.article;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How far along a trainee should be before an article makes sense. */
public enum Level {
  FOUNDATION,
  INTERMEDIATE,
  ADVANCED;

  /** The value as written in front matter and URLs. */
  public String slug() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Level> parse(String text) {
    return Arrays.stream(values()).filter(l -> l.slug().equals(text)).findFirst();
  }

  public static String allSlugs() {
    return String.join(" | ", Arrays.stream(values()).map(Level::slug).toList());
  }
}
