package org.rapportkb.article;

import java.util.regex.Pattern;

/** The one rule for slugs (article file names, categories, tags): lowercase words joined by '-'. */
public final class Slugs {
  public static final Pattern PATTERN = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
  public static final int MAX_LENGTH = 120;

  private Slugs() {}

  public static boolean isValid(String text) {
    return text != null && text.length() <= MAX_LENGTH && PATTERN.matcher(text).matches();
  }

  /** Turns a title into a slug: lowercase ASCII words joined by '-'. */
  public static String fromTitle(String title) {
    String slug =
        java.text.Normalizer.normalize(title, java.text.Normalizer.Form.NFKD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(java.util.Locale.ROOT)
            .replace("'", "")
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-+|-+$", "");
    return slug.length() > MAX_LENGTH ? slug.substring(0, MAX_LENGTH).replaceAll("-+$", "") : slug;
  }
}
