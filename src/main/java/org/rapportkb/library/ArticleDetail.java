package org.rapportkb.library;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import org.rapportkb.article.Heading;
import org.rapportkb.practice.SkillPractice;

/**
 * A whole article for reading: the listed fields plus the sanitized HTML, its outline, the related
 * articles, its review (or null) and its practice.
 */
public record ArticleDetail(
    String slug,
    String title,
    String summary,
    String category,
    String level,
    List<String> tags,
    String url,
    String updated,
    List<String> aliases,
    Integer order,
    String html,
    List<ArticleSummary> related,
    List<Heading> headings,
    Review reviewed,
    @JsonIgnore SkillPractice practice,
    @JsonIgnore String path) {

  /** Who reviewed the article and when (an ISO date), as its front matter says. */
  public record Review(String date, String by) {}

  public ArticleSummary summaryView() {
    return new ArticleSummary(slug, title, summary, category, level, tags, url, updated);
  }
}
