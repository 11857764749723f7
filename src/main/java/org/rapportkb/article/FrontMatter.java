package org.rapportkb.article;

import java.time.LocalDate;
import java.util.List;

/** The validated fields at the top of an article file. */
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
    boolean draft) {

  public FrontMatter {
    tags = List.copyOf(tags);
    aliases = List.copyOf(aliases);
    related = List.copyOf(related);
  }
}
