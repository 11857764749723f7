package org.rapportkb.config;

import java.util.Locale;
import java.util.Map;

/**
 * How tags are shown to readers: the display names {@code categories.yml} lists under {@code
 * tags:}, and for any other tag its words with the first one capitalized.
 */
public record TagNames(Map<String, String> names) {
  public static final TagNames NONE = new TagNames(Map.of());

  public TagNames {
    names = Map.copyOf(names);
  }

  /**
   * The display name of {@code tag}: "motivational-interviewing" is "Motivational interviewing".
   */
  public String name(String tag) {
    if (tag == null || tag.isEmpty()) {
      return "";
    }
    String listed = names.get(tag);
    if (listed != null) {
      return listed;
    }
    String words = tag.replace('-', ' ');
    return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
  }
}
