package org.rapportkb.article;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * An article as a list or a search result shows it: enough to show a card and link to it.
 *
 * <p>A search hit and a whole article are each made of one, and show its fields flat in their JSON.
 *
 * @param level the level's slug
 * @param updated the ISO date of the last update, or null
 */
@JsonPropertyOrder({"slug", "title", "summary", "category", "level", "tags", "url", "updated"})
public record ArticleSummary(
    String slug,
    String title,
    String summary,
    String category,
    String level,
    List<String> tags,
    String updated) {

  public ArticleSummary {
    tags = List.copyOf(tags);
  }

  /** The summary of a parsed article. */
  public static ArticleSummary of(Article article) {
    FrontMatter meta = article.meta();
    return new ArticleSummary(
        article.slug(),
        meta.title(),
        meta.summary(),
        meta.category(),
        meta.level().slug(),
        meta.tags(),
        meta.updated() == null ? null : meta.updated().toString());
  }

  /** Where the article is read on the site. */
  @JsonProperty("url")
  public String url() {
    return "/articles/" + slug;
  }
}
