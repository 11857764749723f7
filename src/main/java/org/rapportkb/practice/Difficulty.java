package org.rapportkb.practice;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How hard a practice item is: the three grades of deliberate-practice statements. */
public enum Difficulty {
  BEGINNER,
  INTERMEDIATE,
  ADVANCED;

  /** The value as written in URLs and JSON. */
  @JsonValue
  public String slug() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The value as a trainee reads it, and as an article's practice item starts. */
  public String label() {
    return name().charAt(0) + slug().substring(1);
  }

  /** The next grade up, or this one at the top. */
  public Difficulty harder() {
    return values()[Math.min(ordinal() + 1, values().length - 1)];
  }

  /** The next grade down, or this one at the bottom. */
  public Difficulty easier() {
    return values()[Math.max(ordinal() - 1, 0)];
  }

  /** The difficulty a JSON value names. */
  @JsonCreator
  static Difficulty fromJson(String text) {
    return parse(text).orElseThrow(() -> new IllegalArgumentException("difficulty " + text));
  }

  /** The difficulty named by {@code text}, in any case. */
  public static Optional<Difficulty> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String wanted = text.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(d -> d.slug().equals(wanted)).findFirst();
  }

  public static String allSlugs() {
    return String.join(" | ", Arrays.stream(values()).map(Difficulty::slug).toList());
  }
}
