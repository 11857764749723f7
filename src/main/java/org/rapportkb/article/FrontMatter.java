package org.rapportkb.article;

import java.time.LocalDate;
import java.util.List;

/**
 * The validated fields at the top of an article file.
 *
 * @param reviewed who reviewed the article and when, or null
 */
public record FrontMatter(
    String title,
    String summary,
    String category,
    Level level,
    Integer order,
    List<String> tags,
    List<String> aliases,
    List<String> related,
    LocalDate updated,
    Review reviewed,
    boolean draft) {

  /** A clinical review of an article: when, and by whom. */
  public record Review(LocalDate date, String by) {}

  public FrontMatter {
    tags = List.copyOf(tags);
    aliases = List.copyOf(aliases);
    related = List.copyOf(related);
  }
}
